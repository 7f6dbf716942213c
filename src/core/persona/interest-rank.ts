import { INTEREST_HALF_LIFE_MS, monthOf, recencyWeight } from './interests';

/**
 * The persona's interests: per phrase, additive counts (exact under removal), and the ranking that
 * finds the top ones after every record without weighing every phrase.
 */
export const MAX_INTERESTS = 50;
const MAX_EVIDENCE = 12;

export interface PhraseAcc {
  /** Occurrences plus one per full minute of dwell: integers, so removal is exact. */
  weight: number;
  /** Record id → when it was seen, so the last-seen time survives removing a record. */
  evidence: Map<string, number>;
  months: Map<string, number>;
  /** The newest time in `evidence`, kept so ranking does not walk every phrase's evidence. */
  lastSeen: number;
  /**
   * log2(weight) + lastSeen / half-life: orders phrases as weight × recency does, whatever "now"
   * is (the recency factor is the same 2^(−now/half-life) for all), so it is kept per phrase.
   */
  rank: number;
  /**
   * What an interest shows, kept once the phrase has made the top: the newest evidence (newest
   * first, then by id) and the first time seen are updated as records come; a removal that
   * touches them drops this, and it is found again from `evidence` when next needed.
   */
  shown?: { newest: [string, number][]; firstSeen: number; months?: Record<string, number> };
}

/**
 * Phrases that may be in the top, so the document is derived from a few hundred phrases rather
 * than all of them. Every phrase outside `pool` has rank ≤ `floor`; adding a record only raises
 * the ranks of the phrases it touches, which are checked against `floor` then. A removal that
 * lowers the newest time marks it `stale`: the next derivation walks every phrase and starts over.
 */
export interface InterestRank {
  pool: Map<string, PhraseAcc>;
  floor: number;
  /** The newest time over all phrases: recency is measured from it. */
  newest: number;
  stale: boolean;
}

export const emptyInterestRank = (): InterestRank => ({ pool: new Map(), floor: Number.NEGATIVE_INFINITY, newest: Number.NEGATIVE_INFINITY, stale: false });

/** The pool is cut back to this many phrases when it grows past four times as many. */
const POOL = 2 * MAX_INTERESTS;

const latest = (evidence: Map<string, number>) => {
  let last = -Infinity;
  for (const at of evidence.values()) if (at > last) last = at;
  return last;
};

const newerFirst = (a: [string, number], b: [string, number]) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1);

/** Inserts `item` into `top` (sorted newest first), keeping at most `k`. */
const insertNewest = (top: [string, number][], item: [string, number], k: number): void => {
  if (top.length === k && newerFirst(item, top[k - 1]!) >= 0) return;
  let i = top.length;
  while (i > 0 && newerFirst(item, top[i - 1]!) < 0) i--;
  top.splice(i, 0, item);
  if (top.length > k) top.pop();
};

export const addPhrases = (all: Map<string, PhraseAcc>, rank: InterestRank, phrases: string[], id: string, at: number, weight: number, sign: 1 | -1): void => {
  const month = monthOf(at);
  if (sign > 0 && at > rank.newest && phrases.length) rank.newest = at;
  if (sign < 0 && at >= rank.newest && phrases.length) rank.stale = true;
  for (const phrase of phrases) {
    const entry: PhraseAcc = all.get(phrase) ?? { weight: 0, evidence: new Map(), months: new Map(), lastSeen: -Infinity, rank: -Infinity };
    entry.weight += sign * weight;
    if (sign > 0) {
      entry.evidence.set(id, at);
      if (at > entry.lastSeen) entry.lastSeen = at;
    } else {
      entry.evidence.delete(id);
      if (at >= entry.lastSeen) entry.lastSeen = latest(entry.evidence);
    }
    const months = (entry.months.get(month) ?? 0) + sign;
    if (months === 0) entry.months.delete(month);
    else entry.months.set(month, months);
    entry.rank = entry.weight > 0 ? Math.log2(entry.weight) + entry.lastSeen / INTEREST_HALF_LIFE_MS : Number.NEGATIVE_INFINITY;
    const shown = entry.shown;
    if (shown && sign > 0) {
      if (!shown.newest.some(([known]) => known === id)) insertNewest(shown.newest, [id, at], MAX_EVIDENCE);
      if (at < shown.firstSeen) shown.firstSeen = at;
      delete shown.months;
    } else if (shown) entry.shown = undefined;
    if (entry.evidence.size === 0) {
      all.delete(phrase);
      rank.pool.delete(phrase);
    } else all.set(phrase, entry);
    if (sign > 0 && entry.rank > rank.floor && !rank.pool.has(phrase)) {
      rank.pool.set(phrase, entry);
      if (rank.pool.size > 4 * POOL) prune(rank);
    }
  }
};

const byWeight = (a: { phrase: string; weight: number }, b: { phrase: string; weight: number }) => b.weight - a.weight || (a.phrase < b.phrase ? -1 : 1);

/** Slack for rounding in `rank`: a phrase this close to the cut is weighed exactly before it is left out. */
const RANK_SLACK = 1e-6;
/** Below this, weight × recency has lost the precision the rank cut relies on. */
const MIN_RANKED_WEIGHT = 1e-200;

const shownOf = (p: PhraseAcc) => {
  if (!p.shown) {
    const newest: [string, number][] = [];
    let firstSeen = Infinity;
    for (const item of p.evidence) {
      insertNewest(newest, item, MAX_EVIDENCE);
      if (item[1] < firstSeen) firstSeen = item[1];
    }
    p.shown = { newest, firstSeen };
  }
  p.shown.months ??= Object.fromEntries([...p.months].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
  return p.shown as Required<NonNullable<PhraseAcc['shown']>>;
};

/**
 * The top interests by weight × recency. Phrases are first cut by `rank` (no recency to compute,
 * no evidence to walk), then the few near the top are weighed exactly as before and ordered; only
 * the phrases that make the cut get their evidence and months laid out, and those are kept
 * up to date as records come (see PhraseAcc.shown).
 */
/** Keeps the `POOL` highest-ranked phrases; the rest leave, and `floor` rises to the best of them. */
const prune = (rank: InterestRank): void => {
  const sorted = [...rank.pool].sort((a, b) => b[1].rank - a[1].rank);
  for (const [phrase, p] of sorted.slice(POOL)) {
    rank.pool.delete(phrase);
    if (p.rank > rank.floor) rank.floor = p.rank;
  }
};

/** Walks every phrase: the newest time, and a pool of the highest-ranked. */
const restart = (all: Map<string, PhraseAcc>, rank: InterestRank): void => {
  rank.newest = Number.NEGATIVE_INFINITY;
  rank.floor = Number.NEGATIVE_INFINITY;
  rank.pool = new Map(all);
  for (const p of all.values()) if (p.lastSeen > rank.newest) rank.newest = p.lastSeen;
  prune(rank);
  rank.stale = false;
};

const weighed = (phrases: Iterable<[string, PhraseAcc]>, cut: number, now: number) => {
  const ranked: { phrase: string; weight: number; p: PhraseAcc }[] = [];
  for (const [phrase, p] of phrases) {
    if (p.evidence.size >= 2 && p.rank >= cut) ranked.push({ phrase, weight: p.weight * recencyWeight(p.lastSeen, now), p });
  }
  return topByWeight(ranked, MAX_INTERESTS);
};

/**
 * The top interests by weight × recency. Phrases are first cut by `rank` (no recency to compute,
 * no evidence to walk) among the pool, then the few near the top are weighed exactly as before
 * and ordered; only the phrases that make the cut get their evidence and months laid out, and
 * those are kept up to date as records come (see PhraseAcc.shown).
 */
export const interestsOf = (all: Map<string, PhraseAcc>, rank: InterestRank) => {
  if (rank.stale) restart(all, rank);
  const byRank: PhraseAcc[] = [];
  for (const p of rank.pool.values()) {
    if (p.evidence.size < 2 || (byRank.length === MAX_INTERESTS && p.rank <= byRank[MAX_INTERESTS - 1]!.rank)) continue;
    let i = byRank.length;
    while (i > 0 && byRank[i - 1]!.rank < p.rank) i--;
    byRank.splice(i, 0, p);
    if (byRank.length > MAX_INTERESTS) byRank.pop();
  }
  const cut = byRank.length === MAX_INTERESTS ? byRank[MAX_INTERESTS - 1]!.rank - RANK_SLACK : Number.NEGATIVE_INFINITY;
  // Only when no phrase outside the pool can reach the cut is the pool enough.
  let top = cut > rank.floor ? weighed(rank.pool, cut, rank.newest) : weighed(all, cut, rank.newest);
  // Weights that underflow to (near) zero tie and are ordered by phrase, which rank cannot know: weigh all.
  if (top.length === MAX_INTERESTS && !(top[MAX_INTERESTS - 1]!.weight > MIN_RANKED_WEIGHT)) top = weighed(all, Number.NEGATIVE_INFINITY, rank.newest);
  return top.map(({ phrase, weight, p }) => {
    const { newest, firstSeen, months } = shownOf(p);
    return { phrase, weight, evidence: newest.map(([id]) => id), count: p.evidence.size, firstSeen, lastSeen: p.lastSeen, months: { ...months } };
  });
};

/** The first `k` of `items` in `byWeight` order, keeping a small sorted buffer instead of sorting everything. */
const topByWeight = <T extends { phrase: string; weight: number }>(items: T[], k: number): T[] => {
  const top: T[] = [];
  for (const item of items) {
    if (top.length === k && byWeight(item, top[k - 1]!) >= 0) continue;
    let i = top.length;
    while (i > 0 && byWeight(item, top[i - 1]!) < 0) i--;
    top.splice(i, 0, item);
    if (top.length > k) top.pop();
  }
  return top;
};

/** The deterministic persona: style card, interests, top sites, rhythm, and one claim per top interest. */
