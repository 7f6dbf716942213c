import { rpc } from '../../messaging/client';
import { finishedState } from '../../ui/finished-state';
import { InterviewChat } from '../../ui/InterviewChat';
import { SurveyForm } from '../../ui/SurveyForm';
import { TaskView } from '../../ui/TaskView';
import { useLoaded } from '../../ui/use-rpc';
import { t } from '../../ui/i18n';

export const InterviewSection = () => {
  const past = useLoaded(() => rpc('jobs.recent', { kind: 'interview', limit: 10 }));
  return (
    <section aria-labelledby="interview-heading">
      <h2 id="interview-heading">{t('interviewHeading')}</h2>
      <p class="muted">{t('interviewIntro')}</p>
      <InterviewChat />
      {past.value?.length ? (
        <details data-testid="past-interviews" open>
          <summary>{t('interviewEarlierAnswers', past.value.length)}</summary>
          {past.value.map((job) => (
            <div key={job.id} class="card">
              <p>
                <strong>{job.title}</strong>
              </p>
              <TaskView state={finishedState(job)} onNewJob={() => {}} />
            </div>
          ))}
        </details>
      ) : null}
      <h2 id="survey-heading">{t('surveyHeading')}</h2>
      <p class="muted">{t('surveyIntro')}</p>
      <SurveyForm />
    </section>
  );
};
