import type { StreamState } from './use-job-stream';
import { t, type MessageKey } from './i18n';

const PHASE_TEXT: Record<StreamState['phase'], MessageKey | null> = {
  idle: null,
  waiting: 'phaseWaiting',
  queued: 'phaseQueued',
  streaming: 'phaseStreaming',
  done: 'phaseDone',
  interrupted: 'phaseInterrupted',
  error: 'phaseError',
};

/** A structured result (reaction, survey, interview) is being thought through, not written out. */
const STRUCTURED: Partial<Record<StreamState['phase'], MessageKey>> = { streaming: 'phaseThinking' };

/**
 * Where a task is, in one line ("Writing… · 42 tokens"). The model's raw output is never shown:
 * a draft streams into its own box (DraftActions), structured results appear once parsed.
 */
export const JobOutput = ({ state }: { state: StreamState }) => {
  const structured = state.kind !== undefined && state.kind !== 'draft';
  const phase = (structured ? STRUCTURED[state.phase] : undefined) ?? PHASE_TEXT[state.phase];
  return (
    <section class="job-output" aria-live="polite" aria-busy={state.phase === 'streaming'} data-job-id={state.jobId}>
      <p class={state.phase === 'streaming' || state.phase === 'waiting' ? 'status-line thinking' : 'status-line'} data-testid="job-phase" data-phase={state.phase}>
        <span>{phase ? t(phase) : ''}</span>
        <span aria-hidden="true">·</span>
        <span>
          <span data-testid="token-count" data-count={state.tokens}>
            {state.tokens}
          </span>{' '}
          {t('tokens')}
        </span>
      </p>
      {state.error ? (
        <p class="error" role="alert">
          {state.error}
        </p>
      ) : null}
    </section>
  );
};
