import { useState } from 'preact/hooks';
import type { Job } from '../core/model/job';
import type { ReactionKind } from '../core/model/records';
import { rpc } from '../messaging/client';
import { Distribution } from './Distribution';
import { EvidenceList } from './EvidenceList';
import { t, type MessageKey } from './i18n';
import { UnusableAnswer } from './UnusableAnswer';

type Result = Extract<NonNullable<Job['result']>, { kind: 'react' }>;

const TITLES: Record<string, MessageKey> = { attention: 'reactTitleAttention', stance: 'reactTitleStance', action: 'reactTitleAction' };

/** What the user can say they actually did: stored as a ReactionRecord, the ground truth predictions are scored against. */
const ACTUAL: { label: MessageKey; kind: ReactionKind }[] = [
  { label: 'reactActualReadClosely', kind: 'long-read' },
  { label: 'reactActualSkimmed', kind: 'scroll' },
  { label: 'reactActualLeft', kind: 'bounce' },
  { label: 'reactActualReplied', kind: 'reply' },
  { label: 'reactActualShared', kind: 'share' },
  { label: 'reactActualSaved', kind: 'bookmark' },
];

export const ReactionResult = ({ job, result, onNewJob }: { job: Job; result: Result; onNewJob: (jobId: string) => void }) => {
  const [recorded, setRecorded] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const record = async (kind: ReactionKind, label: string) => {
    setError(null);
    try {
      await rpc('reactions.record', { jobId: job.id, kind });
      setRecorded(label);
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  return (
    <section data-testid="reaction-result">
      {result.scoringError ? (
        <p class="error" role="alert" data-testid="scoring-error" data-code={result.scoringError.code}>
          {t('reactScoringError', result.scoringError.message)}
        </p>
      ) : null}
      {result.sets.map((set) => (
        <div key={set.key}>
          <h3>{TITLES[set.key] ? t(TITLES[set.key]!) : set.key}</h3>
          <Distribution name={set.key} options={set.options} probabilities={set.probabilities} />
        </div>
      ))}
      {result.parseError ? (
        <UnusableAnswer job={job} error={result.parseError} onNewJob={onNewJob} />
      ) : (
        <>
          <h3>{t('reactThoughtHeading')}</h3>
          <p data-testid="reaction-thought">{result.thought}</p>
          <h3>{t('reactCommentHeading')}</h3>
          <p data-testid="reaction-comment">{result.comment}</p>
        </>
      )}
      <EvidenceList evidence={job.evidence ?? []} cited={result.cited.length ? result.cited : undefined} title={result.cited.length ? t('reactEvidenceCited') : t('reactEvidenceGiven')} />
      {job.url ? (
        <div class="card">
          <p>{t('reactActualQuestion')}</p>
          {ACTUAL.map((a) => (
            <button key={a.kind} type="button" class="secondary" onClick={() => void record(a.kind, t(a.label))}>
              {t(a.label)}
            </button>
          ))}
          {recorded ? <p role="status" data-testid="recorded">{t('reactRecorded', recorded)}</p> : null}
          {error ? <p class="error" role="alert">{error}</p> : null}
        </div>
      ) : null}
    </section>
  );
};
