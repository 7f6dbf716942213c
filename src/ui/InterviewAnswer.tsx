import type { Job } from '../core/model/job';
import { EvidenceList } from './EvidenceList';
import { t } from './i18n';

type Result = Extract<NonNullable<Job['result']>, { kind: 'interview' }>;

export const InterviewAnswer = ({ job, result }: { job: Job; result: Result }) => (
  <div class="answer" data-testid="interview-answer" data-known={String(result.known)}>
    {result.parseError ? (
      <p class="error" data-testid="parse-error" data-code={result.parseError.code}>
        {result.parseError.message}
      </p>
    ) : (
      <p data-testid="interview-text">{result.answer}</p>
    )}
    <EvidenceList evidence={job.evidence ?? []} cited={result.cited} title={t('interviewBasedOn')} />
  </div>
);
