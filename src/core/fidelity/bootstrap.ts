/** mulberry32: a tiny seeded PRNG, so the same history always gives the same intervals. */
export const seededRandom = (seed: number): (() => number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

export interface Interval {
  low: number;
  high: number;
}

export const BOOTSTRAP_SEED = 20_240_331;

/**
 * Percentile bootstrap 95% interval of `statistic` over `items` resampled with replacement
 * (`resamples` times, seeded). Resamples whose statistic is NaN are skipped. Undefined for no items.
 */
export const bootstrapInterval = <T>(items: readonly T[], statistic: (sample: readonly T[]) => number, { resamples = 1000, seed = BOOTSTRAP_SEED } = {}): Interval | undefined => {
  if (items.length === 0) return undefined;
  const random = seededRandom(seed);
  const values: number[] = [];
  for (let b = 0; b < resamples; b++) {
    const sample = Array.from({ length: items.length }, () => items[Math.floor(random() * items.length)]!);
    const v = statistic(sample);
    if (!Number.isNaN(v)) values.push(v);
  }
  if (values.length === 0) return undefined;
  values.sort((x, y) => x - y);
  const at = (q: number) => values[Math.min(values.length - 1, Math.max(0, Math.floor(q * values.length)))]!;
  return { low: at(0.025), high: at(0.975) };
};
