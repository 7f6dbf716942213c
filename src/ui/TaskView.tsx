import { DraftActions, DraftStream } from './DraftActions';
import { InterviewAnswer } from './InterviewAnswer';
import { JobOutput } from './JobOutput';
import { ReactionResult } from './ReactionResult';
import { SurveyResult } from './SurveyResult';
import type { StreamState } from './use-job-stream';

/**
 * A task while it runs, then its result. A draft streams straight into the box the user edits; a
 * structured result (reaction, survey, interview) is shown only once parsed, never as model output.
 */
export const TaskView = ({ state, onNewJob }: { state: StreamState; onNewJob: (jobId: string) => void }) => {
  const job = state.job;
  const result = job?.result;
  const kind = state.kind ?? job?.kind;
  return (
    <div data-testid="task-view" data-kind={kind}>
      <JobOutput state={state} />
      {job && result?.kind === 'draft' ? (
        <DraftActions job={job} text={result.text} onNewJob={onNewJob} />
      ) : kind === 'draft' && (state.text || state.phase === 'streaming') ? (
        <DraftStream text={state.text} streaming={state.phase === 'streaming'} />
      ) : null}
      {job && result?.kind === 'react' ? <ReactionResult job={job} result={result} onNewJob={onNewJob} /> : null}
      {job && result?.kind === 'interview' ? <InterviewAnswer job={job} result={result} onNewJob={onNewJob} /> : null}
      {job && result?.kind === 'survey' ? <SurveyResult job={job} result={result} /> : null}
    </div>
  );
};
