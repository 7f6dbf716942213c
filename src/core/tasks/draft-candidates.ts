import type { DraftFlaw } from '../prompting/draft-quality';

/** One draft the model wrote for a reply, with how much it sounds like the user (null: no style card yet). */
export interface DraftCandidate {
  text: string;
  style: number | null;
  /** Why this draft cannot stand as the user's reply (draft-quality.ts); such drafts rank last. */
  flaw?: DraftFlaw;
}

/** Never more drafts than this, however fast the engine. */
export const MAX_CANDIDATES = 4;
/** Drafts written again when the first cannot stand as a reply (it echoes the post or copies a past writing). */
export const RETRIES_WHEN_FLAWED = 2;
/** The time the extra drafts may take together, so the best one is shown within a few seconds. */
export const CANDIDATE_BUDGET_MS = 5000;

/**
 * How many more drafts fit in the budget, measured on the first: a draft that took 1.2 s leaves room
 * for three more; one that took 6 s leaves none.
 */
export const extraCandidates = (firstMs: number, budgetMs = CANDIDATE_BUDGET_MS): number =>
  firstMs <= 0 ? 0 : Math.max(0, Math.min(MAX_CANDIDATES - 1, Math.floor(budgetMs / firstMs)));

/**
 * Orders drafts by style match, best first; ties and unknown scores keep the order they were written
 * in, so without a style card the first draft stays first. Empty drafts go last, flawed ones before them.
 */
export const rankCandidates = (candidates: DraftCandidate[]): DraftCandidate[] =>
  candidates
    .map((c, i) => ({ c, i }))
    .sort((a, b) => Number(!a.c.text.trim()) - Number(!b.c.text.trim()) || Number(Boolean(a.c.flaw)) - Number(Boolean(b.c.flaw)) || (b.c.style ?? -1) - (a.c.style ?? -1) || a.i - b.i)
    .map(({ c }) => c);

/** What reranking gained over the first draft, in style-match points (0 when nothing was scored). */
export const rerankGain = (first: DraftCandidate, chosen: DraftCandidate): number =>
  first.style === null || chosen.style === null ? 0 : chosen.style - first.style;
