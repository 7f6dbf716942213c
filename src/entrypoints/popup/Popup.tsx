import { useEffect, useState } from 'preact/hooks';
import type { JobKind } from '../../core/model/job';
import { rpc } from '../../messaging/client';
import { EngineSummary } from '../../ui/EngineSummary';
import { finishedState } from '../../ui/finished-state';
import { InterviewChat } from '../../ui/InterviewChat';
import { TaskView } from '../../ui/TaskView';
import { useJobStream } from '../../ui/use-job-stream';
import { exclusionMessage } from '../../ui/exclusion-message';
import { t } from '../../ui/i18n';
import { useLoaded } from '../../ui/use-rpc';
import { currentTabId } from './current-tab';
import { PauseControl } from './PauseControl';

/** Performance mark set when the popup first shows real state (its time to interactive). */
export const INTERACTIVE_MARK = 'doppel:popup-interactive';

export const Popup = () => {
  const engine = useLoaded(() => rpc('engine.status', {}));
  const page = useLoaded(async () => {
    const tabId = await currentTabId();
    return tabId === null ? null : { tabId, ...(await rpc('pages.forTab', { tabId })) };
  });
  const last = useLoaded(async () => (page.value?.url ? rpc('jobs.recent', { url: page.value.url, limit: 3 }) : []), [page.value?.url]);
  const [jobId, setJobId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [interview, setInterview] = useState(false);
  const stream = useJobStream(jobId);

  const start = async (kind: JobKind) => {
    setError(null);
    try {
      setJobId((await rpc('jobs.create', { kind, tabId: page.value!.tabId, fromTab: true })).jobId);
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  const busy = stream.phase === 'streaming' || stream.phase === 'waiting';
  // Interactive once the page and engine state are shown: the mark `npm run bench` reads.
  useEffect(() => {
    if (page.value !== null && engine.value !== null && !performance.getEntriesByName(INTERACTIVE_MARK).length) performance.mark(INTERACTIVE_MARK);
  }, [page.value, engine.value]);

  return (
    <main style={{ width: '380px', padding: '0.75rem' }}>
      <h1>{t('appName')}</h1>
      <EngineSummary status={engine.value} />
      {engine.error ? <p class="error" role="alert">{engine.error}</p> : null}
      <div class="card" data-testid="page-status">
        {!page.value?.url ? (
          <p class="muted">{t('pageNone')}</p>
        ) : page.value.captured ? (
          <p data-captured="true">{t('pageCaptured', page.value.captured.title, page.value.captured.visitCount)}</p>
        ) : (
          <p class="muted" data-captured="false">{t('pageNotYet')}</p>
        )}
        {page.value && !page.value.capture.capturing ? (
          <p data-testid="capture-exclusion" data-reason={page.value.capture.reason}>
            <strong>{t('badgeNotCapturing')}</strong> {exclusionMessage(page.value.capture.reason)}
          </p>
        ) : null}
      </div>
      <button type="button" onClick={() => void start('react')} disabled={!page.value?.captured || busy}>
        {t('popupReact')}
      </button>
      <button type="button" class="secondary" onClick={() => void start('draft')} disabled={!page.value || busy}>
        {t('popupDraft')}
      </button>
      <button type="button" class="secondary" aria-expanded={interview} onClick={() => setInterview(!interview)}>
        {t('popupInterview')}
      </button>
      {error ? <p class="error" role="alert">{error}</p> : null}
      <PauseControl />
      {jobId ? <TaskView state={stream} onNewJob={setJobId} /> : null}
      {interview ? <InterviewChat /> : null}
      {last.value?.length ? (
        <section data-testid="last-results">
          <h2>{t('popupLastResults')}</h2>
          {last.value
            .filter((job) => job.id !== jobId)
            .map((job) => (
              <details key={job.id} class="card" data-testid="last-result" data-job-id={job.id} open>
                <summary>{job.title}</summary>
                <TaskView state={finishedState(job)} onNewJob={setJobId} />
              </details>
            ))}
        </section>
      ) : null}
    </main>
  );
};
