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

/** Model output is rendered as text, never as HTML: it may echo hostile page content. */
export const JobOutput = ({ state, showText = true }: { state: StreamState; showText?: boolean }) => (
  <section class="job-output" aria-live="polite" aria-busy={state.phase === 'streaming'} data-job-id={state.jobId}>
    <p class="muted" data-testid="job-phase" data-phase={state.phase}>
      {PHASE_TEXT[state.phase] ? t(PHASE_TEXT[state.phase]!) : ''} <span data-testid="token-count">{state.tokens}</span> {t('tokens')}
    </p>
    {state.error ? <p class="error" role="alert">{state.error}</p> : null}
    {showText ? <div class="output" data-testid="job-text">{state.text}</div> : null}
  </section>
);
