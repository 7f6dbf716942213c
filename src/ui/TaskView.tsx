import { DraftActions } from './DraftActions';
import { InterviewAnswer } from './InterviewAnswer';
import { JobOutput } from './JobOutput';
import { ReactionResult } from './ReactionResult';
import { SurveyResult } from './SurveyResult';
import type { StreamState } from './use-job-stream';

/** A task's stream while it runs, then its structured result. Everything the model wrote is rendered as text. */
export const TaskView = ({ state, onNewJob }: { state: StreamState; onNewJob: (jobId: string) => void }) => {
  const job = state.job;
  const result = job?.result;
  return (
    <div data-testid="task-view" data-kind={job?.kind}>
      {/* Structured tasks stream JSON: the user sees the result built from it, never the raw text. */}
      <JobOutput state={state} showText={job?.kind !== 'react' && job?.kind !== 'interview'} />
      {job && result?.kind === 'draft' ? <DraftActions job={job} text={result.text} onNewJob={onNewJob} /> : null}
      {job && result?.kind === 'react' ? <ReactionResult job={job} result={result} onNewJob={onNewJob} /> : null}
      {job && result?.kind === 'interview' ? <InterviewAnswer job={job} result={result} onNewJob={onNewJob} /> : null}
      {job && result?.kind === 'survey' ? <SurveyResult job={job} result={result} /> : null}
    </div>
  );
};
