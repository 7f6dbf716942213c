import { useEffect, useState } from 'preact/hooks';
import type { Job } from '../core/model/job';
import { streamJob } from '../messaging/stream-client';

export interface StreamState {
  phase: 'idle' | 'waiting' | 'queued' | 'streaming' | 'done' | 'interrupted' | 'error';
  jobId?: string;
  text: string;
  tokens: number;
  error?: string;
  job?: Job;
}

/** Streams `jobId` while the component is mounted; unmounting closes the port and stops the generation. */
export const useJobStream = (jobId: string | null): StreamState => {
  const [state, setState] = useState<StreamState>({ phase: 'idle', text: '', tokens: 0 });
  useEffect(() => {
    if (!jobId) return;
    const controller = new AbortController();
    setState({ phase: 'waiting', jobId, text: '', tokens: 0 });
    void streamJob(
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
              return { phase: message.job.status === 'interrupted' ? 'interrupted' : 'done', jobId, text: message.job.output, tokens: message.job.tokens, job: message.job };
            case 'error':
              return { ...previous, phase: 'error', error: message.message };
          }
        }),
      controller.signal,
    ).then(() => setState((previous) => (previous.phase === 'streaming' || previous.phase === 'waiting' ? { ...previous, phase: 'interrupted' } : previous)));
    return () => controller.abort();
  }, [jobId]);
  return state;
};
