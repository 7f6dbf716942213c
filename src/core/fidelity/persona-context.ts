import type { PageRecord, ReactionRecord, WritingRecord } from '../model/records';
import type { PersonaDoc } from '../persona/types';
import type { FidelityHistory } from './items';
import type { PersonaContext } from './predictors';

/**
 * The persona as an evaluated predictor may see it when predicting one record: built only from
 * records before it. Claims citing any later (or missing) record are dropped; the synthesized
 * summary and the stored style card are kept only if the persona was made before that record.
 */
export const personaBefore = (
  history: FidelityHistory,
  cutoff: number,
  training: { writings: readonly WritingRecord[]; reactions: readonly ReactionRecord[] },
  pages: readonly PageRecord[] = history.pages.filter((p) => p.firstVisit < cutoff),
): PersonaContext => {
  const allowed = new Set<string>();
  for (const r of training.writings) allowed.add(r.id);
  for (const r of training.reactions) allowed.add(r.id);
  for (const r of pages) allowed.add(r.id);
  const persona: PersonaDoc | undefined = [...history.personas].sort((a, b) => b.createdAt - a.createdAt)[0];
  return {
    claims: (persona?.claims ?? []).filter((c) => c.evidence.length > 0 && c.evidence.every((id) => allowed.has(id))),
    ...(persona?.summary && persona.createdAt < cutoff ? { summary: persona.summary } : {}),
    ...(persona?.style && persona.createdAt < cutoff ? { style: persona.style } : {}),
    training: { writings: training.writings, reactions: training.reactions, pages },
  };
};
