/** A numeric or Likert answer: what was predicted and what the user actually gave. */
export interface NumericPair {
  predicted: number;
  actual: number;
}

export const meanAbsoluteError = (pairs: readonly NumericPair[]): number =>
  pairs.length ? pairs.reduce((s, p) => s + Math.abs(p.predicted - p.actual), 0) / pairs.length : Number.NaN;

export const rootMeanSquaredError = (pairs: readonly NumericPair[]): number =>
  pairs.length ? Math.sqrt(pairs.reduce((s, p) => s + (p.predicted - p.actual) ** 2, 0) / pairs.length) : Number.NaN;

/** E[v] = Σ pₖ·vₖ: a predicted distribution over scale points as one number (science.md §D). */
export const expectedValue = (probabilities: readonly number[], values: readonly number[]): number =>
  probabilities.reduce((s, p, k) => s + p * (values[k] ?? 0), 0);
