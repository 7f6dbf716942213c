import { rpc } from '../../messaging/client';
import { JobOutput } from '../../ui/JobOutput';
import { useJobStream } from '../../ui/use-job-stream';
import { useLoaded } from '../../ui/use-rpc';

const params = new URLSearchParams(location.search);

/** The window a context-menu action opens: it streams the job, and closing it stops the job. */
export const Panel = () => {
  const jobId = params.get('job');
  const failure = params.get('error');
  const job = useLoaded(async () => (jobId ? rpc('jobs.get', { jobId }) : null));
  const stream = useJobStream(jobId);
  const copy = () => void navigator.clipboard.writeText(stream.text);
  return (
    <main style={{ padding: '0.75rem' }}>
      <h1>{job.value?.title ?? 'Doppel'}</h1>
      {failure ? <p class="error" role="alert">{failure}</p> : null}
      {jobId ? <JobOutput state={stream} /> : null}
      {stream.phase === 'done' ? (
        <button type="button" class="secondary" onClick={copy}>
          Copy
        </button>
      ) : null}
    </main>
  );
};
