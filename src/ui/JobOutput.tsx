import type { StreamState } from './use-job-stream';

const PHASE_TEXT: Record<StreamState['phase'], string> = {
  idle: '',
  waiting: 'Starting the engine…',
  queued: 'Waiting for another request to finish…',
  streaming: 'Writing…',
  done: 'Done.',
  interrupted: 'Stopped before the end.',
  error: 'Failed.',
};

/** Model output is rendered as text, never as HTML: it may echo hostile page content. */
export const JobOutput = ({ state }: { state: StreamState }) => (
  <section class="job-output" aria-live="polite" aria-busy={state.phase === 'streaming'} data-job-id={state.jobId}>
    <p class="muted" data-testid="job-phase" data-phase={state.phase}>
      {PHASE_TEXT[state.phase]} <span data-testid="token-count">{state.tokens}</span> tokens
    </p>
    {state.error ? <p class="error" role="alert">{state.error}</p> : null}
    <div class="output" data-testid="job-text">{state.text}</div>
  </section>
);
