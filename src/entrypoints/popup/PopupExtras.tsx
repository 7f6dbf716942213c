import type { Job } from '../../core/model/job';
import { finishedState } from '../../ui/finished-state';
import { oneLine } from '../../ui/one-line';
import { TaskView } from '../../ui/TaskView';
import { t } from '../../ui/i18n';

export { InterviewChat } from '../../ui/InterviewChat';
export { TaskView };

/** The tab's last results, one line each, opening to the full result: loaded after the popup is interactive. */
export const LastResults = ({ jobs, onNewJob }: { jobs: Job[]; onNewJob: (jobId: string) => void }) => (
  <section data-testid="last-results">
    <h2 class="small muted" style={{ margin: 'var(--space-2) 0 0' }}>
      {t('popupLastResults')}
    </h2>
    <ul class="result-lines">
      {jobs.map((job) => (
        <li key={job.id} data-testid="last-result" data-job-id={job.id}>
          <details>
            <summary title={t('popupOpenResult')}>
              <span class="line-title">{job.title}</span>
              <span class="line-text">{oneLine(job)}</span>
            </summary>
            <TaskView state={finishedState(job)} onNewJob={onNewJob} />
          </details>
        </li>
      ))}
    </ul>
  </section>
);
