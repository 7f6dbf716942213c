import type { EngineStatus } from '../core/engine/status';

const ENGINE_NAME = { webllm: 'GPU engine (WebLLM)', wllama: 'CPU engine (wllama)', builtin: 'Chrome\u2019s built-in model' } as const;

export const EngineSummary = ({ status }: { status: EngineStatus | null }) => {
  if (!status) return <p class="muted">Checking the engine…</p>;
  const active = status.engine ? ENGINE_NAME[status.engine] : ENGINE_NAME[status.recommended];
  return (
    <div data-testid="engine-summary" data-engine={status.engine ?? status.recommended} data-state={status.state}>
      <p>
        <strong>{active}</strong> — {status.model ? `model “${status.model.name}”` : 'no model loaded yet'}, {status.state}.
      </p>
      <p class="muted" data-testid="engine-reason">
        {status.preflight.reason}
        {status.recommended === 'wllama' ? ' Doppel uses the CPU engine.' : ''}
      </p>
      {status.error ? <p class="error" role="alert">{status.error}</p> : null}
    </div>
  );
};
