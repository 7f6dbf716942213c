import type { EngineState, EngineStatus } from '../core/engine/status';
import { Badge, type BadgeTone } from './Badge';
import { t, type MessageKey } from './i18n';

const ENGINE_NAME = { webllm: 'engineNameWebllm', wllama: 'engineNameWllama' } as const;
const STATE: Record<EngineState, { label: MessageKey; tone: BadgeTone }> = {
  idle: { label: 'engineStateIdle', tone: 'success' },
  loading: { label: 'engineStateLoading', tone: 'accent' },
  generating: { label: 'engineStateGenerating', tone: 'accent' },
  error: { label: 'engineStateError', tone: 'error' },
};

/** Which engine runs, with which model, in what state; `compact` (the popup) leaves the why to Options → Model. */
export const EngineSummary = ({ status, compact }: { status: EngineStatus | null | undefined; compact?: boolean }) => {
  if (!status) return <p class="muted small">{t('engineChecking')}</p>;
  const active = t(status.engine ? ENGINE_NAME[status.engine] : ENGINE_NAME[status.recommended]);
  const state = STATE[status.state] ?? STATE.idle;
  const reason = (
    <span data-testid="engine-reason">
      {status.preflight.reason}
      {status.recommended === 'wllama' ? ` ${t('engineUsesCpu')}` : ''}
    </span>
  );
  return (
    <div data-testid="engine-summary" data-engine={status.engine ?? status.recommended} data-state={status.state}>
      <p class="row" style={{ gap: 'var(--space-1)' }} title={compact ? `${status.preflight.reason}${status.recommended === 'wllama' ? ` ${t('engineUsesCpu')}` : ''}` : undefined}>
        <strong>{active}</strong>
        <span>— {status.model ? t('engineModelNamed', status.model.name) : t('engineNoModel')}</span>
        {status.threads ? <span data-testid="engine-threads">{t('engineThreads', String(status.threads))}</span> : null}
        <Badge tone={status.model ? state.tone : 'warning'} dot>
          {t(state.label)}
        </Badge>
      </p>
      {compact ? null : <p class="muted small">{reason}</p>}
      {status.error ? (
        <p class="error" role="alert">
          {status.error}
        </p>
      ) : null}
    </div>
  );
};
