import { useState } from 'preact/hooks';
import type { Claim } from '../../../core/persona/types';
import { rpc } from '../../../messaging/client';
import type { EvidenceRecord } from '../../../messaging/methods/persona';
import { t } from '../../../ui/i18n';

const day = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** One claim: its text, where it comes from, and the user's controls (edit, pin, delete, forget a record). */
export const ClaimItem = ({ claim, onChange }: { claim: Claim; onChange: () => void }) => {
  const [editing, setEditing] = useState<string | null>(null);
  const [evidence, setEvidence] = useState<EvidenceRecord[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const act = (work: () => Promise<unknown>) => () =>
    work().then(onChange, (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)));
  const showEvidence = () =>
    evidence ? setEvidence(null) : rpc('persona.evidence', { ids: claim.evidence }).then(setEvidence, (f: unknown) => setError(String(f)));
  return (
    <li class="card" data-testid="claim" data-claim-id={claim.id} data-kind={claim.kind}>
      {editing === null ? (
        <p>{claim.text}</p>
      ) : (
        <textarea aria-label={t('claimTextLabel')} rows={3} cols={60} value={editing} onInput={(e) => setEditing((e.target as HTMLTextAreaElement).value)} />
      )}
      <p class="muted">
        {claim.kind} · {claim.origin} · {t('claimConfidence', claim.confidence.toFixed(2))} · {day.format(claim.firstSeen)}–{day.format(claim.lastSeen)}
        {claim.pinned ? ` · ${t('claimPinned')}` : ''}
        {claim.edited ? ` · ${t('claimEdited')}` : ''}
      </p>
      <div class="actions">
        <button type="button" class="secondary" onClick={showEvidence} aria-expanded={evidence !== null}>
          {t('claimEvidence', claim.evidence.length)}
        </button>
        {editing === null ? (
          <button type="button" class="secondary" onClick={() => setEditing(claim.text)}>{t('claimEdit')}</button>
        ) : (
          <button type="button" onClick={act(() => rpc('persona.editClaim', { claimId: claim.id, action: 'edit', text: editing }).then(() => setEditing(null)))}>{t('claimSave')}</button>
        )}
        <button type="button" class="secondary" onClick={act(() => rpc('persona.editClaim', { claimId: claim.id, action: 'pin', pinned: !claim.pinned }))}>
          {claim.pinned ? t('claimUnpin') : t('claimPin')}
        </button>
        <button type="button" class="secondary" data-testid="delete-claim" onClick={act(() => rpc('persona.editClaim', { claimId: claim.id, action: 'delete' }))}>
          {t('claimDelete')}
        </button>
      </div>
      {error ? <p class="error" role="alert">{error}</p> : null}
      {evidence ? (
        <ul data-testid="evidence-list">
          {evidence.map((record) => (
            <li key={record.id}>
              <a href={record.url} target="_blank" rel="noreferrer">{record.title || record.url}</a>{' '}
              <span class="muted">({record.type}, {record.site}, {day.format(record.at)})</span>{' '}
              <button type="button" class="secondary" data-testid="forget-record" onClick={act(() => rpc('persona.forgetRecord', { recordId: record.id }))}>
                {t('claimForgetRecord')}
              </button>
            </li>
          ))}
          {evidence.length < claim.evidence.length ? <li class="muted">{t('claimRecordsGone', claim.evidence.length - evidence.length)}</li> : null}
        </ul>
      ) : null}
    </li>
  );
};
