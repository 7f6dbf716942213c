import { useEffect, useState } from 'preact/hooks';
import type { Job } from '../core/model/job';
import { rpc } from '../messaging/client';
import { streamJob } from '../messaging/stream-client';

export interface StreamState {
  phase: 'idle' | 'waiting' | 'queued' | 'streaming' | 'done' | 'interrupted' | 'error';
  jobId?: string;
  text: string;
  tokens: number;
  error?: string;
  job?: Job;
  /** Known from the stored job before its first token: surfaces show a draft in its box, a reaction as a result. */
  kind?: Job['kind'];
}

/** Streams `jobId` while the component is mounted; unmounting closes the port and stops the generation. */
export const useJobStream = (jobId: string | null): StreamState => {
  const [state, setState] = useState<StreamState>({ phase: 'idle', text: '', tokens: 0 });
  useEffect(() => {
    if (!jobId) return;
    const controller = new AbortController();
    setState({ phase: 'waiting', jobId, text: '', tokens: 0 });
    // A finished job is shown from storage: no need to wake the engine host for it.
    void rpc('jobs.get', { jobId })
      .catch(() => null)
      .then((stored) => {
        if (controller.signal.aborted) return;
        if (stored?.status === 'done') return setState({ phase: 'done', jobId, text: stored.output, tokens: stored.tokens, job: stored, kind: stored.kind });
        if (stored?.status === 'failed' && stored.error) return setState({ phase: 'error', jobId, text: stored.output, tokens: stored.tokens, job: stored, kind: stored.kind, error: stored.error.message });
        if (stored) setState((previous) => ({ ...previous, kind: stored.kind }));
        stream();
      });
    const stream = () => void streamJob(
      jobId,
      (message) =>
        setState((previous) => {
          switch (message.type) {
            case 'queued':
              return { ...previous, phase: 'queued' };
            case 'started':
              return { ...previous, phase: 'streaming' };
            case 'token':
              return { ...previous, phase: 'streaming', text: previous.text + message.piece, tokens: message.tokens };
            case 'done':
              return { phase: message.job.status === 'interrupted' ? 'interrupted' : 'done', jobId, text: message.job.output, tokens: message.job.tokens, job: message.job, kind: message.job.kind };
            case 'error':
              return { ...previous, phase: 'error', error: message.message, ...(message.job ? { job: message.job } : {}) };
          }
        }),
      controller.signal,
    ).then(() => setState((previous) => (previous.phase === 'streaming' || previous.phase === 'waiting' ? { ...previous, phase: 'interrupted' } : previous)));
    return () => controller.abort();
  }, [jobId]);
  return state;
};
