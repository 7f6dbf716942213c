import { useEffect, useState } from 'preact/hooks';
import { Button } from './Button';
import type { Job } from '../core/model/job';
import type { DraftAdjust } from '../core/prompting/draft-reply';
import { rpc } from '../messaging/client';
import { EvidenceList } from './EvidenceList';
import { StyleMatch } from './StyleMatch';
import { t, type MessageKey } from './i18n';

const ADJUST: { adjust: DraftAdjust; label: MessageKey }[] = [
  { adjust: 'shorter', label: 'draftShorter' },
  { adjust: 'longer', label: 'draftLonger' },
  { adjust: 'formal', label: 'draftMoreFormal' },
  { adjust: 'casual', label: 'draftMoreCasual' },
];

/** The draft box while the model writes into it: the same box the user then edits, read-only until done. */
export const DraftStream = ({ text, streaming }: { text: string; streaming: boolean }) => (
  <section data-testid="draft-actions" data-streaming={String(streaming)}>
    <label for="draft-text" class="muted small">
      {streaming ? t('draftWriting') : t('draftTextLabel')}
    </label>
    <textarea id="draft-text" data-testid="draft-text" rows={5} value={text} readOnly aria-busy={streaming} />
  </section>
);

/**
 * The finished draft, editable, with Insert (into the field the user was in; the page's form is
 * never submitted by Doppel), Copy, Regenerate and the four adjustments (each a new job).
 */
export const DraftActions = ({ job, text, onNewJob }: { job: Job; text: string; onNewJob: (jobId: string) => void }) => {
  const [draft, setDraft] = useState(text);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setDraft(text), [text]);
  const act = async (work: () => Promise<void>) => {
    setError(null);
    setStatus(null);
    try {
      await work();
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  const insert = () => act(async () => (await rpc('tasks.insert', { jobId: job.id, text: draft }), setStatus(t('draftInserted'))));
  const copy = () => act(async () => (await navigator.clipboard.writeText(draft), setStatus(t('draftCopied'))));
  const again = (adjust?: DraftAdjust) => act(async () => onNewJob((await rpc('jobs.create', { kind: 'draft', from: job.id, ...(adjust ? { adjust } : {}) })).jobId));
  return (
    <section data-testid="draft-actions" data-streaming="false">
      <label for="draft-text" class="muted small">
        {t('draftTextLabel')}
      </label>
      <textarea id="draft-text" data-testid="draft-text" rows={5} value={draft} onInput={(e) => setDraft((e.currentTarget as HTMLTextAreaElement).value)} />
      <StyleMatch text={draft} />
      {job.result?.kind === 'draft' && job.result.flaw && draft === text ? (
        <p class="small" role="note" data-testid="draft-flaw" data-flaw={job.result.flaw}>
          {job.result.flaw === 'copy' ? t('draftFlawCopy') : job.result.flaw === 'empty' ? t('draftFlawEmpty') : t('draftFlawEcho')}
        </p>
      ) : null}
      {job.result?.kind === 'draft' && job.result.candidates && job.result.candidates.length > 1 ? (
        <details data-testid="draft-candidates">
          <summary>{t('draftOtherCandidates', job.result.candidates.length - 1)}</summary>
          <ol>
            {job.result.candidates.slice(1).map((c, i) => (
              <li key={i} data-testid="draft-candidate" data-style={c.style ?? ''}>
                <p>{c.text}</p>
                <Button variant="secondary" size="small" onClick={() => setDraft(c.text)}>
                  {t('draftUseCandidate')}
                </Button>
              </li>
            ))}
          </ol>
        </details>
      ) : null}
      <div class="actions">
        {job.target ? (
          <Button onClick={insert} disabled={!draft.trim()}>
            {t('draftInsert')}
          </Button>
        ) : null}
        <Button variant="secondary" onClick={copy}>
          {t('draftCopy')}
        </Button>
        <Button variant="secondary" onClick={() => again()}>
          {t('draftRegenerate')}
        </Button>
      </div>
      <div class="actions">
        {ADJUST.map((a) => (
          <Button key={a.adjust} variant="ghost" size="small" onClick={() => again(a.adjust)}>
            {t(a.label)}
          </Button>
        ))}
      </div>
      {status ? (
        <p role="status" class="small" data-testid="draft-status">
          {status}
        </p>
      ) : null}
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      <EvidenceList evidence={job.evidence ?? []} title={t('draftEvidenceTitle')} />
    </section>
  );
};
