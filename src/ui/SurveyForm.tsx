import { useState } from 'preact/hooks';
import { LIKERT_5, type SurveyScale } from '../core/prompting/survey';
import { rpc } from '../messaging/client';
import { TaskView } from './TaskView';
import { useJobStream } from './use-job-stream';
import { t } from './i18n';

/** Answer a survey item as the user: Likert or numeric, as a distribution with its expected value. */
export const SurveyForm = () => {
  const [question, setQuestion] = useState('');
  const [kind, setKind] = useState<SurveyScale['kind']>('likert');
  const [range, setRange] = useState({ min: 0, max: 100, step: 10 });
  const [jobId, setJobId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const stream = useJobStream(jobId);
  const ask = async (event: Event) => {
    event.preventDefault();
    setError(null);
    const scale: SurveyScale = kind === 'likert' ? { kind, labels: LIKERT_5 } : { kind, ...range };
    try {
      setJobId((await rpc('jobs.create', { kind: 'survey', survey: { question, scale } })).jobId);
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  const number = (key: keyof typeof range) => (e: Event) => setRange({ ...range, [key]: Number((e.currentTarget as HTMLInputElement).value) });
  return (
    <div data-testid="survey-form">
      <form onSubmit={ask}>
        <label for="survey-question">{t('surveyItemLabel')}</label>
        <input id="survey-question" data-testid="survey-input" value={question} onInput={(e) => setQuestion((e.currentTarget as HTMLInputElement).value)} style={{ width: '100%' }} />
        <label>
          <input type="radio" name="scale" checked={kind === 'likert'} onChange={() => setKind('likert')} /> {t('surveyScaleLikert')}
        </label>
        <label>
          <input type="radio" name="scale" data-testid="scale-numeric" checked={kind === 'numeric'} onChange={() => setKind('numeric')} /> {t('surveyScaleNumber')}
        </label>
        {kind === 'numeric' ? (
          <span>
            {t('surveyRangeFrom')} <input type="number" value={range.min} onInput={number('min')} style={{ width: '5em' }} /> {t('surveyRangeTo')} <input type="number" value={range.max} onInput={number('max')} style={{ width: '5em' }} /> {t('surveyRangeStepsOf')}{' '}
            <input type="number" value={range.step} onInput={number('step')} style={{ width: '4em' }} />
          </span>
        ) : null}
        <div>
          <button type="submit" disabled={!question.trim()}>
            {t('surveyAnswerAsMe')}
          </button>
        </div>
      </form>
      {error ? <p class="error" role="alert">{error}</p> : null}
      {jobId ? <TaskView state={stream} onNewJob={setJobId} /> : null}
    </div>
  );
};
