/** Scales a distribution to sum to 1; a zero or invalid one becomes uniform. */
export const normalize = (p: number[]): number[] => {
  const clean = p.map((x) => (Number.isFinite(x) && x > 0 ? x : 0));
  const total = clean.reduce((a, b) => a + b, 0);
  return total > 0 ? clean.map((x) => x / total) : clean.map(() => 1 / clean.length);
};

/**
 * p_i^(1/T), renormalised. T = 1 keeps the model's distribution (lower KL to a population, Namikoshi
 * et al.); T → 0 approaches the argmax (lower error for one individual); T > 1 flattens it.
 */
export const withTemperature = (p: number[], temperature: number): number[] => {
  const base = normalize(p);
  if (!(temperature > 0) || !Number.isFinite(temperature)) throw new RangeError('temperature must be a positive number');
  const logs = base.map((x) => (x > 0 ? Math.log(x) / temperature : -Infinity));
  const top = Math.max(...logs);
  return normalize(logs.map((l) => (l === -Infinity ? 0 : Math.exp(l - top))));
};

export const expectedValue = (p: number[], values: number[]): number => normalize(p).reduce((sum, x, i) => sum + x * values[i]!, 0);

export const argmax = (p: number[]): number => p.reduce((best, x, i) => (x > p[best]! ? i : best), 0);
