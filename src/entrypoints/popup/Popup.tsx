import { useEffect, useState } from 'preact/hooks';
import type { JobKind } from '../../core/model/job';
import { openSidePanel, hasSidePanel } from '../../adapters/browser/side-panel';
import { rpc } from '../../messaging/client';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { EngineSummary } from '../../ui/EngineSummary';
import { useJobStream } from '../../ui/use-job-stream';
import { exclusionMessage } from '../../ui/exclusion-message';
import { t } from '../../ui/i18n';
import { useModule } from '../../ui/use-module';
import { useLoaded } from '../../ui/use-rpc';
import { PauseControl } from './PauseControl';
import { useTabState } from './use-tab-state';

/** Performance mark set when the popup first shows the tab's state with its actions usable (its time to interactive). */
export const INTERACTIVE_MARK = 'doppel:popup-interactive';
/** Set when the service worker's answer about the tab is shown (the same moment on a tab's first open). */
export const LIVE_MARK = 'doppel:popup-live';

// Results, the interview and their renderers are needed only once there is one to show: off the critical path.
const loadExtras = () => import('./PopupExtras');

/** The toolbar popup, kept compact: status, the three actions, the current task, last results one line each. */
export const Popup = () => {
  const page = useTabState();
  // Asked once the tab's state is shown: the first ask starts the engine host, whose startup would
  // otherwise compete with the popup's own first frame.
  const shown = page.value !== null;
  const engine = useLoaded(async () => (shown ? rpc('engine.status', {}) : null), [shown]);
  const last = useLoaded(async () => (page.value?.url ? rpc('jobs.recent', { url: page.value.url, limit: 3 }) : []), [page.value?.url]);
  const [jobId, setJobId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [interview, setInterview] = useState(false);
  const stream = useJobStream(jobId);
  const recent = last.value?.filter((job) => job.id !== jobId) ?? [];
  const extras = useModule(loadExtras, Boolean(jobId || interview || recent.length));

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
  // Interactive once the tab's state is shown and the actions work: the mark `npm run bench` reads. The
  // engine's status fills in when it answers (asking it may start the engine host); no action waits on it.
  useEffect(() => {
    if (shown && !performance.getEntriesByName(INTERACTIVE_MARK).length) performance.mark(INTERACTIVE_MARK);
    if (page.live && !performance.getEntriesByName(LIVE_MARK).length) performance.mark(LIVE_MARK);
  }, [shown, page.live]);
  const captured = page.value?.captured;

  return (
    <main class="popup">
      <header class="row" style={{ marginBottom: 'var(--space-1)' }}>
        <h1 style={{ margin: 0 }}>{t('appName')}</h1>
        <span class="spacer" />
        {page.value && !page.value.capture.capturing ? <Badge tone="warning">{t('badgeNotCapturing')}</Badge> : null}
      </header>
      <EngineSummary status={engine.value} compact />
      {engine.error || page.error ? (
        <p class="error" role="alert">
          {engine.error ?? page.error}
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
      {jobId && extras ? <extras.TaskView state={stream} onNewJob={setJobId} /> : null}
      {interview && extras ? <extras.InterviewChat /> : null}
      {recent.length && extras ? <extras.LastResults jobs={recent} onNewJob={setJobId} /> : null}
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
