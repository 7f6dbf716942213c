import type { EvidenceRef } from '../core/model/job';
import { safeHref } from '../core/tasks/evidence';
import { t } from './i18n';

const KIND = { page: 'evidenceKindPage', writing: 'evidenceKindWriting', reaction: 'evidenceKindReaction', claim: 'evidenceKindClaim' } as const;

/** The records a result rests on. Labels are page text: rendered as text; only http(s) addresses become links. */
export const EvidenceList = ({ evidence, cited, title = t('evidenceTitle') }: { evidence: EvidenceRef[]; cited?: string[]; title?: string }) => {
  const shown = cited ? evidence.filter((e) => cited.includes(e.id)) : evidence;
  if (shown.length === 0) return null;
  return (
    <details class="evidence" data-testid="evidence" open={Boolean(cited)}>
      <summary>
        {title} ({shown.length})
      </summary>
      <ul>
        {shown.map((e) => {
          const href = safeHref(e.url);
          return (
            <li key={e.id} data-evidence-id={e.id} data-evidence-kind={e.kind}>
              <span class="muted">{t(KIND[e.kind])}: </span>
              {href ? (
                <a href={href} target="_blank" rel="noopener noreferrer">
                  {e.label}
                </a>
              ) : (
                <span>{e.label}</span>
              )}
              {e.site ? <span class="muted"> — {e.site}</span> : null}
            </li>
          );
        })}
      </ul>
    </details>
  );
};
