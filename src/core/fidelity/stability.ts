/** Sample standard deviation (n − 1); 0 for one value, NaN for none. */
export const sampleSd = (values: readonly number[]): number => {
  if (values.length === 0) return Number.NaN;
  if (values.length === 1) return 0;
  const m = values.reduce((s, v) => s + v, 0) / values.length;
  return Math.sqrt(values.reduce((s, v) => s + (v - m) ** 2, 0) / (values.length - 1));
};

export type TraitScores = Partial<Record<'E' | 'A' | 'C' | 'N' | 'O', number>>;

/** Big Five stability: per trait, the SD of its score over repeated shuffled administrations (lower is more stable). */
export const bigFiveStability = (runs: readonly TraitScores[]): Record<string, { mean: number; sd: number; runs: number }> => {
  const out: Record<string, { mean: number; sd: number; runs: number }> = {};
  for (const trait of ['E', 'A', 'C', 'N', 'O'] as const) {
    const values = runs.map((r) => r[trait]).filter((v): v is number => typeof v === 'number');
    if (values.length) out[trait] = { mean: values.reduce((s, v) => s + v, 0) / values.length, sd: sampleSd(values), runs: values.length };
  }
  return out;
};
