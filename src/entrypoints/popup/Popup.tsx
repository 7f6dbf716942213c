import { useState } from 'preact/hooks';
import { rpc } from '../../messaging/client';
import { EngineSummary } from '../../ui/EngineSummary';
import { JobOutput } from '../../ui/JobOutput';
import { useJobStream } from '../../ui/use-job-stream';
import { useLoaded } from '../../ui/use-rpc';
import { currentTabId } from './current-tab';
import { PauseControl } from './PauseControl';

export const Popup = () => {
  const engine = useLoaded(() => rpc('engine.status', {}));
  const page = useLoaded(async () => {
    const tabId = await currentTabId();
    return tabId === null ? null : { tabId, ...(await rpc('pages.forTab', { tabId })) };
  });
  const [jobId, setJobId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const stream = useJobStream(jobId);

  const react = async () => {
    setError(null);
    try {
      setJobId((await rpc('jobs.create', { kind: 'react', tabId: page.value!.tabId })).jobId);
    } catch (failure) {
      setError((failure as Error).message);
    }
  };

  return (
    <main style={{ width: '360px', padding: '0.75rem' }}>
      <h1>Doppel</h1>
      <EngineSummary status={engine.value} />
      {engine.error ? <p class="error" role="alert">{engine.error}</p> : null}
      <div class="card" data-testid="page-status">
        {!page.value ? (
          <p class="muted">No page in this tab.</p>
        ) : page.value.captured ? (
          <p data-captured="true">Doppel has read “{page.value.captured.title}” ({page.value.captured.visitCount} visits).</p>
        ) : (
          <p class="muted" data-captured="false">Doppel has not captured this page.</p>
        )}
      </div>
      <button type="button" onClick={react} disabled={!page.value?.captured || stream.phase === 'streaming'}>
        How would I react?
      </button>
      {error ? <p class="error" role="alert">{error}</p> : null}
      <PauseControl />
      {jobId ? <JobOutput state={stream} /> : null}
    </main>
  );
};
