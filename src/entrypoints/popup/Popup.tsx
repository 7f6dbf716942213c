import { useState } from 'preact/hooks';
import type { JobKind } from '../../core/model/job';
import { openSidePanel, hasSidePanel } from '../../adapters/browser/side-panel';
import { rpc } from '../../messaging/client';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { EngineSummary } from '../../ui/EngineSummary';
import { finishedState } from '../../ui/finished-state';
import { InterviewChat } from '../../ui/InterviewChat';
import { oneLine } from '../../ui/one-line';
import { TaskView } from '../../ui/TaskView';
import { useJobStream } from '../../ui/use-job-stream';
import { exclusionMessage } from '../../ui/exclusion-message';
import { t } from '../../ui/i18n';
import { useLoaded } from '../../ui/use-rpc';
import { currentTabId } from './current-tab';
import { PauseControl } from './PauseControl';

/** The toolbar popup, kept compact: status, the three actions, the current task, last results one line each. */
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
  // Called straight from the click: opening a side panel needs the user's gesture.
  const besidePage = () => {
    void openSidePanel({ id: page.value?.tabId }).then((opened) => opened && window.close());
  };
  const busy = stream.phase === 'streaming' || stream.phase === 'waiting';
  const captured = page.value?.captured;

  return (
    <main class="popup">
      <header class="row" style={{ marginBottom: 'var(--space-1)' }}>
        <h1 style={{ margin: 0 }}>{t('appName')}</h1>
        <span class="spacer" />
        {page.value && !page.value.capture.capturing ? <Badge tone="warning">{t('badgeNotCapturing')}</Badge> : null}
      </header>
      <EngineSummary status={engine.value} compact />
      {engine.error ? (
        <p class="error" role="alert">
          {engine.error}
        </p>
      ) : null}
      <div class="card flat small" data-testid="page-status">
        {!page.value?.url ? (
          <p class="muted">{t('pageNone')}</p>
        ) : captured ? (
          <p data-captured="true">{t('pageCaptured', captured.title, captured.visitCount)}</p>
        ) : (
          <p class="muted" data-captured="false">
            {t('pageNotYet')}
          </p>
        )}
        {page.value && !page.value.capture.capturing ? (
          <p data-testid="capture-exclusion" data-reason={page.value.capture.reason}>
            <strong>{t('badgeNotCapturing')}</strong> {exclusionMessage(page.value.capture.reason)}
          </p>
        ) : null}
      </div>
      <div class="actions popup-actions">
        <Button onClick={() => void start('react')} disabled={!captured || busy}>
          {t('popupReact')}
        </Button>
        <Button variant="secondary" onClick={() => void start('draft')} disabled={!page.value || busy}>
          {t('popupDraft')}
        </Button>
        <Button variant="secondary" aria-expanded={interview} onClick={() => setInterview(!interview)}>
          {t('popupInterview')}
        </Button>
      </div>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      {jobId ? <TaskView state={stream} onNewJob={setJobId} /> : null}
      {interview ? <InterviewChat /> : null}
      {last.value?.length ? (
        <section data-testid="last-results">
          <h2 class="small muted" style={{ margin: 'var(--space-2) 0 0' }}>
            {t('popupLastResults')}
          </h2>
          <ul class="result-lines">
            {last.value
              .filter((job) => job.id !== jobId)
              .map((job) => (
                <li key={job.id} data-testid="last-result" data-job-id={job.id}>
                  <details>
                    <summary title={t('popupOpenResult')}>
                      <span class="line-title">{job.title}</span>
                      <span class="line-text">{oneLine(job)}</span>
                    </summary>
                    <TaskView state={finishedState(job)} onNewJob={setJobId} />
                  </details>
                </li>
              ))}
          </ul>
        </section>
      ) : null}
      <div class="row popup-footer">
        <PauseControl />
        <span class="spacer" />
        {hasSidePanel() ? (
          <Button variant="ghost" size="small" onClick={besidePage} data-testid="open-side-panel">
            {t('panelOpenInSidePanel')}
          </Button>
        ) : null}
      </div>
    </main>
  );
};
