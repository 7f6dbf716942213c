import { bootstrapInterval, BOOTSTRAP_SEED, type Interval } from './bootstrap';

export interface PairedDifference {
  /** statistic(persona) − statistic(baseline) over all items. */
  value: number;
  /** Paired percentile bootstrap 95% interval: both arms resampled on the same items. */
  interval?: Interval;
}

/**
 * The persona arm minus the baseline arm, with a paired bootstrap: each resample draws item indices
 * once and scores both arms on them, so the item-to-item variance both arms share cancels (two
 * separate intervals would overlap long after the difference is clear).
 */
export const pairedDifference = <T>(
  persona: readonly T[],
  baseline: readonly T[],
  statistic: (sample: readonly T[]) => number,
  { resamples = 1000, seed = BOOTSTRAP_SEED } = {},
): PairedDifference | undefined => {
  if (persona.length !== baseline.length) throw new RangeError('Both arms must score the same items.');
  if (persona.length === 0) return undefined;
  const indices = persona.map((_, i) => i);
  const diff = (sample: readonly number[]) => statistic(sample.map((i) => persona[i]!)) - statistic(sample.map((i) => baseline[i]!));
  const interval = bootstrapInterval(indices, diff, { resamples, seed });
  return { value: diff(indices), ...(interval ? { interval } : {}) };
};
