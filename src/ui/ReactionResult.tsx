import { useState } from 'preact/hooks';
import type { Job } from '../core/model/job';
import type { ReactionKind } from '../core/model/records';
import { rpc } from '../messaging/client';
import { Distribution } from './Distribution';
import { Button } from './Button';
import { EvidenceList } from './EvidenceList';
import { Quote } from './Quote';
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
    <section data-testid="reaction-result" class="stack">
      {result.scoringError ? (
        <p class="error small" role="alert" data-testid="scoring-error" data-code={result.scoringError.code}>
          {t('reactScoringError', result.scoringError.message)}
        </p>
      ) : null}
      {result.sets.map((set) => (
        <div key={set.key} class="card flat">
          <h3 style={{ margin: 0 }}>{TITLES[set.key] ? t(TITLES[set.key]!) : set.key}</h3>
          <Distribution name={set.key} options={set.options} probabilities={set.probabilities} label={TITLES[set.key] ? t(TITLES[set.key]!) : set.key} />
        </div>
      ))}
      {result.parseError ? (
        <UnusableAnswer job={job} error={result.parseError} onNewJob={onNewJob} />
      ) : (
        <>
          <Quote caption={t('reactThoughtHeading')} testid="reaction-thought">
            {result.thought}
          </Quote>
          <Quote caption={t('reactCommentHeading')} testid="reaction-comment">
            {result.comment}
          </Quote>
        </>
      )}
      <EvidenceList evidence={job.evidence ?? []} cited={result.cited.length ? result.cited : undefined} title={result.cited.length ? t('reactEvidenceCited') : t('reactEvidenceGiven')} />
      {job.url ? (
        <div class="card flat">
          <p class="small" style={{ marginTop: 0 }}>
            {t('reactActualQuestion')}
          </p>
          <div class="actions">
            {ACTUAL.map((a) => (
              <Button key={a.kind} variant="secondary" size="small" onClick={() => void record(a.kind, t(a.label))}>
                {t(a.label)}
              </Button>
            ))}
          </div>
          {recorded ? (
            <p role="status" class="small" data-testid="recorded">
              {t('reactRecorded', recorded)}
            </p>
          ) : null}
          {error ? (
            <p class="error" role="alert">
              {error}
            </p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
};
