import { useEffect, useState } from 'preact/hooks';
import { rpc } from '../messaging/client';
import { TaskView } from './TaskView';
import { useJobStream } from './use-job-stream';
import { t } from './i18n';

interface Turn {
  question: string;
  jobId: string;
  answer?: string;
}

const Turn = ({ turn, onAnswer }: { turn: Turn; onAnswer: (answer: string) => void }) => {
  const stream = useJobStream(turn.jobId);
  const result = stream.job?.result;
  useEffect(() => {
    if (result?.kind === 'interview') onAnswer(result.answer);
  }, [result]);
  return (
    <li class="card" data-testid="interview-turn">
      <p>
        <strong>{t('interviewYouAsked')}</strong> <span data-testid="interview-question">{turn.question}</span>
      </p>
      <TaskView state={stream} onNewJob={() => {}} />
    </li>
  );
};

/** A chat with the user's Doppel: it answers only from the persona and retrieved records, and says when it does not know. */
export const InterviewChat = () => {
  const [question, setQuestion] = useState('');
  const [turns, setTurns] = useState<Turn[]>([]);
  const [error, setError] = useState<string | null>(null);
  const ask = async (event: Event) => {
    event.preventDefault();
    setError(null);
    const history = turns.filter((t) => t.answer).map((t) => ({ question: t.question, answer: t.answer! }));
    try {
      const { jobId } = await rpc('jobs.create', { kind: 'interview', question, history });
      setTurns((all) => [...all, { question, jobId }]);
      setQuestion('');
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  const answered = (jobId: string) => (answer: string) => setTurns((all) => all.map((t) => (t.jobId === jobId && t.answer !== answer ? { ...t, answer } : t)));
  return (
    <div data-testid="interview-chat">
      <ul style={{ listStyle: 'none', padding: 0 }}>
        {turns.map((turn) => (
          <Turn key={turn.jobId} turn={turn} onAnswer={answered(turn.jobId)} />
        ))}
      </ul>
      <form onSubmit={ask}>
        <label for="interview-question">{t('interviewQuestionLabel')}</label>
        <input id="interview-question" data-testid="interview-input" value={question} onInput={(e) => setQuestion((e.currentTarget as HTMLInputElement).value)} style={{ width: '100%' }} />
        <button type="submit" disabled={!question.trim()}>
          {t('interviewAsk')}
        </button>
      </form>
      {error ? <p class="error" role="alert">{error}</p> : null}
    </div>
  );
};
