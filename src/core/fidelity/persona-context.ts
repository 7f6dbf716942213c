import type { PersonaDoc } from '../persona/types';
import type { FidelityHistory } from './items';
import type { PersonaContext } from './predictors';
import type { Split } from './split';

/**
 * The persona as the evaluated predictors may see it: built from training records only. Claims
 * citing any held-out (or missing) record are dropped, and the synthesized summary is kept only if
 * the persona was made before the first held-out record (so is its measured style card).
 */
export const personaFromTraining = (
  history: FidelityHistory,
  writings: Split<FidelityHistory['writings'][number]>,
  reactions: Split<FidelityHistory['reactions'][number]>,
): PersonaContext => {
  const cutoff = Math.min(writings.cutoff, reactions.cutoff);
  const training = { writings: writings.train, reactions: reactions.train, pages: history.pages.filter((p) => p.firstVisit < cutoff) };
  const allowed = new Set([...training.writings, ...training.reactions, ...training.pages].map((r) => r.id));
  const persona: PersonaDoc | undefined = [...history.personas].sort((a, b) => b.createdAt - a.createdAt)[0];
  return {
    claims: (persona?.claims ?? []).filter((c) => c.evidence.length > 0 && c.evidence.every((id) => allowed.has(id))),
    ...(persona?.summary && persona.createdAt < cutoff ? { summary: persona.summary } : {}),
    ...(persona?.style && persona.createdAt < cutoff ? { style: persona.style } : {}),
    training,
  };
};
