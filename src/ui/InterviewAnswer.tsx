import type { Job } from '../core/model/job';
import { EvidenceList } from './EvidenceList';
import { t } from './i18n';
import { UnusableAnswer } from './UnusableAnswer';

type Result = Extract<NonNullable<Job['result']>, { kind: 'interview' }>;

export const InterviewAnswer = ({ job, result, onNewJob }: { job: Job; result: Result; onNewJob: (jobId: string) => void }) => (
  <div class="answer" data-testid="interview-answer" data-known={String(result.known)}>
    {result.parseError ? (
      <UnusableAnswer job={job} error={result.parseError} onNewJob={onNewJob} />
    ) : (
      <p data-testid="interview-text">{result.answer}</p>
    )}
    <EvidenceList evidence={job.evidence ?? []} cited={result.cited} title={t('interviewBasedOn')} />
  </div>
);
