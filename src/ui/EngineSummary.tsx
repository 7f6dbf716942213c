import type { EngineStatus } from '../core/engine/status';
import { t } from './i18n';

const ENGINE_NAME = { webllm: 'engineNameWebllm', wllama: 'engineNameWllama' } as const;

export const EngineSummary = ({ status }: { status: EngineStatus | null }) => {
  if (!status) return <p class="muted">{t('engineChecking')}</p>;
  const active = t(status.engine ? ENGINE_NAME[status.engine] : ENGINE_NAME[status.recommended]);
  return (
    <div data-testid="engine-summary" data-engine={status.engine ?? status.recommended} data-state={status.state}>
      <p>
        <strong>{active}</strong> — {status.model ? t('engineModelNamed', status.model.name) : t('engineNoModel')}
        {status.threads ? <span data-testid="engine-threads">{t('engineThreads', String(status.threads))}</span> : null}, {status.state}.
      </p>
      <p class="muted" data-testid="engine-reason">
        {status.preflight.reason}
        {status.recommended === 'wllama' ? ` ${t('engineUsesCpu')}` : ''}
      </p>
      {status.error ? <p class="error" role="alert">{status.error}</p> : null}
    </div>
  );
};
