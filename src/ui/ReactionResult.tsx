import { useState } from 'preact/hooks';
import type { Job } from '../core/model/job';
import type { ReactionKind } from '../core/model/records';
import { rpc } from '../messaging/client';
import { Distribution } from './Distribution';
import { EvidenceList } from './EvidenceList';

type Result = Extract<NonNullable<Job['result']>, { kind: 'react' }>;

const TITLES: Record<string, string> = { attention: 'Would I read it?', stance: 'Would I agree?', action: 'What would I do?' };

/** What the user can say they actually did: stored as a ReactionRecord, the ground truth predictions are scored against. */
const ACTUAL: { label: string; kind: ReactionKind }[] = [
  { label: 'Read it closely', kind: 'long-read' },
  { label: 'Skimmed', kind: 'scroll' },
  { label: 'Left', kind: 'bounce' },
  { label: 'Replied', kind: 'reply' },
  { label: 'Shared', kind: 'share' },
  { label: 'Saved', kind: 'bookmark' },
];

export const ReactionResult = ({ job, result }: { job: Job; result: Result }) => {
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
          The engine could not score the options, so there are no probabilities ({result.scoringError.message}) The thought and comment below were still predicted.
        </p>
      ) : null}
      {result.sets.map((set) => (
        <div key={set.key}>
          <h3>{TITLES[set.key] ?? set.key}</h3>
          <Distribution name={set.key} options={set.options} probabilities={set.probabilities} />
        </div>
      ))}
      {result.parseError ? (
        <p class="error" data-testid="parse-error" data-code={result.parseError.code}>
          {result.parseError.message}
        </p>
      ) : (
        <>
          <h3>What I would think</h3>
          <p data-testid="reaction-thought">{result.thought}</p>
          <h3>What I might comment</h3>
          <p data-testid="reaction-comment">{result.comment}</p>
        </>
      )}
      <EvidenceList evidence={job.evidence ?? []} cited={result.cited.length ? result.cited : undefined} title={result.cited.length ? 'Evidence it cited' : 'Evidence it was given'} />
      {job.url ? (
        <div class="card">
          <p>What did you actually do? Doppel learns from it.</p>
          {ACTUAL.map((a) => (
            <button key={a.kind} type="button" class="secondary" onClick={() => void record(a.kind, a.label)}>
              {a.label}
            </button>
          ))}
          {recorded ? <p role="status" data-testid="recorded">Recorded: {recorded}.</p> : null}
          {error ? <p class="error" role="alert">{error}</p> : null}
        </div>
      ) : null}
    </section>
  );
};
