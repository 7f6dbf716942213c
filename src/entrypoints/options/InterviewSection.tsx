import { rpc } from '../../messaging/client';
import { finishedState } from '../../ui/finished-state';
import { InterviewChat } from '../../ui/InterviewChat';
import { SurveyForm } from '../../ui/SurveyForm';
import { TaskView } from '../../ui/TaskView';
import { useLoaded } from '../../ui/use-rpc';

export const InterviewSection = () => {
  const past = useLoaded(() => rpc('jobs.recent', { kind: 'interview', limit: 10 }));
  return (
    <section aria-labelledby="interview-heading">
      <h2 id="interview-heading">Interview</h2>
      <p class="muted">Your Doppel answers only from what it has seen of you, shows what each answer rests on, and says when it does not know.</p>
      <InterviewChat />
      {past.value?.length ? (
        <details data-testid="past-interviews" open>
          <summary>Earlier answers ({past.value.length})</summary>
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
      <h2 id="survey-heading">Survey</h2>
      <p class="muted">How would you answer? A distribution over the answers, its expected value, and a temperature: 1 keeps the model’s spread, lower commits to your likeliest answer.</p>
      <SurveyForm />
    </section>
  );
};
