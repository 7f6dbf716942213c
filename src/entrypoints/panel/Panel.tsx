import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { watchPanelJob } from '../../adapters/browser/side-panel';
import { rpc } from '../../messaging/client';
import { Button } from '../../ui/Button';
import { EngineSummary } from '../../ui/EngineSummary';
import { InterviewChat } from '../../ui/InterviewChat';
import { TaskView } from '../../ui/TaskView';
import { useJobStream } from '../../ui/use-job-stream';
import { useLoaded } from '../../ui/use-rpc';
import { t } from '../../ui/i18n';
import { PageActions } from './PageActions';

const params = new URLSearchParams(location.search);
/** `?job=` is the fallback window a context-menu action opens; without it this page is the side panel. */
const inWindow = params.has('job') || params.has('error');

const activeTab = async (): Promise<number | null> => (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id ?? null;

/** Doppel beside the page: the job it was handed (streamed; closing it stops the job), or the page's actions and the interview. */
export const Panel = () => {
  const [jobId, setJobId] = useState(params.get('job'));
  const [interview, setInterview] = useState(false);
  const failure = params.get('error');
  const stream = useJobStream(jobId);
  const job = useLoaded(async () => (jobId ? rpc('jobs.get', { jobId }) : null), [jobId]);
  const engine = useLoaded(async () => (inWindow ? null : rpc('engine.status', {})));
  useEffect(() => {
    if (inWindow) return;
    const controller = new AbortController();
    void browser.windows.getCurrent().then((win) => {
      if (win.id !== undefined) watchPanelJob(win.id, (handed) => setJobId(handed.jobId), controller.signal);
    });
    return () => controller.abort();
  }, []);
  const onNewJob = (next: string) => {
    if (inWindow) history.replaceState(null, '', `?job=${encodeURIComponent(next)}`);
    setInterview(false);
    setJobId(next);
  };
  return (
    <main style={{ padding: 'var(--space-3)', maxWidth: '640px' }} data-testid="panel" data-mode={inWindow ? 'window' : 'side-panel'}>
      <header class="row">
        <h1 style={{ margin: 0 }}>{stream.job?.title ?? job.value?.title ?? t('appName')}</h1>
        <span class="spacer" />
        {!inWindow && (jobId || interview) ? (
          <Button variant="ghost" size="small" onClick={() => (setJobId(null), setInterview(false))}>
            {t('panelNewTask')}
          </Button>
        ) : null}
      </header>
      {failure ? (
        <p class="error" role="alert">
          {failure}
        </p>
      ) : null}
      {!inWindow && !jobId ? (
        <>
          <EngineSummary status={engine.value ?? undefined} />
          <p class="muted small">{t('panelHomeIntro')}</p>
          <PageActions tabId={activeTab} onJob={onNewJob} interview={interview} onInterview={() => setInterview(!interview)} />
          {interview ? (
            <section aria-label={t('panelInterviewHeading')}>
              <InterviewChat />
            </section>
          ) : null}
        </>
      ) : null}
      {jobId ? <TaskView state={stream} onNewJob={onNewJob} /> : null}
    </main>
  );
};
