import { useState } from 'preact/hooks';
import { rpc } from '../../messaging/client';
import { useLoaded } from '../../ui/use-rpc';
import { TaskView } from '../../ui/TaskView';
import { useJobStream } from '../../ui/use-job-stream';
import { t } from '../../ui/i18n';

const params = new URLSearchParams(location.search);

/** The window a context-menu action opens: it streams the job, and closing it stops the job. */
export const Panel = () => {
  const [jobId, setJobId] = useState(params.get('job'));
  const failure = params.get('error');
  const stream = useJobStream(jobId);
  const job = useLoaded(async () => (jobId ? rpc('jobs.get', { jobId }) : null), [jobId]);
  const onNewJob = (next: string) => {
    history.replaceState(null, '', `?job=${encodeURIComponent(next)}`);
    setJobId(next);
  };
  return (
    <main style={{ padding: '0.75rem' }}>
      <h1>{stream.job?.title ?? job.value?.title ?? t('appName')}</h1>
      {failure ? <p class="error" role="alert">{failure}</p> : null}
      {jobId ? <TaskView state={stream} onNewJob={onNewJob} /> : null}
    </main>
  );
};
