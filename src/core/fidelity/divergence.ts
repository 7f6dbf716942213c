/** Added to every count of the user's answers, so an option they never chose does not make KL infinite. */
export const KL_SMOOTHING = 0.5;

/**
 * KL(user ‖ predicted) in nats between the user's own answer distribution (counts with add-0.5
 * smoothing, Jeffreys) and the mean of the predicted distributions (population level, science.md §D).
 * Predicted probabilities are floored at 1e-6 and renormalised. NaN when there are no items.
 */
export const aggregateKl = (predicted: readonly (readonly number[])[], truths: readonly number[], options: number): number => {
  if (predicted.length === 0 || options === 0) return Number.NaN;
  const mean = new Array<number>(options).fill(0);
  for (const p of predicted) for (let k = 0; k < options; k++) mean[k]! += (p[k] ?? 0) / predicted.length;
  const floored = mean.map((p) => Math.max(p, 1e-6));
  const qSum = floored.reduce((s, p) => s + p, 0);
  const counts = new Array<number>(options).fill(KL_SMOOTHING);
  for (const t of truths) counts[t]! += 1;
  const pSum = counts.reduce((s, c) => s + c, 0);
  return counts.reduce((s, c, k) => {
    const p = c / pSum;
    return s + p * Math.log(p / (floored[k]! / qSum));
  }, 0);
};
