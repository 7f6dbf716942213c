import { tokenize } from './tokenize';

const f1 = (overlap: number, candidate: number, reference: number): number =>
  overlap === 0 ? 0 : (2 * overlap) / (candidate + reference);

const counts = (tokens: string[]): Map<string, number> => {
  const out = new Map<string, number>();
  for (const t of tokens) out.set(t, (out.get(t) ?? 0) + 1);
  return out;
};

/** ROUGE-1 F1: clipped unigram overlap over `tokenize` tokens. Both empty → 1, one empty → 0. */
export const rouge1 = (candidate: string, reference: string): number => {
  const c = tokenize(candidate);
  const r = tokenize(reference);
  if (c.length === 0 && r.length === 0) return 1;
  const rc = counts(r);
  let overlap = 0;
  for (const [token, n] of counts(c)) overlap += Math.min(n, rc.get(token) ?? 0);
  return f1(overlap, c.length, r.length);
};

const lcsLength = (a: string[], b: string[]): number => {
  let prev = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    const row = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) row[j] = x === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, row[j - 1]!);
    prev = row;
  }
  return prev[b.length]!;
};

/** ROUGE-L F1 (β = 1): longest common token subsequence. Both empty → 1, one empty → 0. */
export const rougeL = (candidate: string, reference: string): number => {
  const c = tokenize(candidate);
  const r = tokenize(reference);
  if (c.length === 0 && r.length === 0) return 1;
  return f1(lcsLength(c, r), c.length, r.length);
};
