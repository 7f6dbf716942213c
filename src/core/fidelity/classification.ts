/** One multiple-choice prediction: a probability per option and the index the user actually chose. */
export interface Scored {
  probabilities: readonly number[];
  truth: number;
}

/** Below this a probability counts as this, so one confident miss costs −ln(1e-6) ≈ 13.8 nats, not ∞. */
export const NLL_FLOOR = 1e-6;

const mean = (values: number[]): number => (values.length ? values.reduce((s, v) => s + v, 0) / values.length : Number.NaN);

/**
 * Where the true option ranks, ties broken uniformly at random: `above` options score strictly
 * higher, `tied` other options score the same.
 */
const standing = ({ probabilities, truth }: Scored): { above: number; tied: number } => {
  const p = probabilities[truth] ?? 0;
  let above = 0;
  let tied = 0;
  probabilities.forEach((q, i) => {
    if (i === truth) return;
    if (q > p) above++;
    else if (q === p) tied++;
  });
  return { above, tied };
};

/** Top-1 accuracy, in expectation over random tie-breaking (a uniform guess over K scores 1/K). NaN for no items. */
export const top1Accuracy = (items: readonly Scored[]): number =>
  mean(items.map((item) => {
    const { above, tied } = standing(item);
    return above === 0 ? 1 / (tied + 1) : 0;
  }));

/** Mean reciprocal rank, in expectation over random tie-breaking: the mean of 1/r over the tied ranks. */
export const meanReciprocalRank = (items: readonly Scored[]): number =>
  mean(items.map((item) => {
    const { above, tied } = standing(item);
    let sum = 0;
    for (let r = above + 1; r <= above + tied + 1; r++) sum += 1 / r;
    return sum / (tied + 1);
  }));

/** Multi-class Brier score: Σₖ (pₖ − yₖ)², averaged over items; 0 is perfect, 2 the worst. */
export const brierScore = (items: readonly Scored[]): number =>
  mean(items.map(({ probabilities, truth }) => probabilities.reduce((s, p, k) => s + (p - (k === truth ? 1 : 0)) ** 2, 0)));

/** Mean negative log-likelihood of the true option in nats, with probabilities floored at NLL_FLOOR. */
export const negativeLogLikelihood = (items: readonly Scored[]): number =>
  mean(items.map(({ probabilities, truth }) => -Math.log(Math.max(probabilities[truth] ?? 0, NLL_FLOOR))));

export interface ReliabilityBin {
  /** Bin edges on the confidence axis. */
  from: number;
  to: number;
  count: number;
  /** Mean top-1 confidence and accuracy of the items in the bin (NaN when empty). */
  confidence: number;
  accuracy: number;
}

/**
 * Reliability of the top-1 prediction in `bins` equal-width confidence bins over [0, 1] (the last
 * bin includes 1). The top-1 option is the first one with the highest probability.
 */
export const reliabilityBins = (items: readonly Scored[], bins = 10): ReliabilityBin[] => {
  const acc = Array.from({ length: bins }, () => ({ count: 0, confidence: 0, correct: 0 }));
  for (const { probabilities, truth } of items) {
    const confidence = Math.max(...probabilities);
    const top = probabilities.indexOf(confidence);
    const bin = acc[Math.min(bins - 1, Math.floor(confidence * bins))]!;
    bin.count++;
    bin.confidence += confidence;
    bin.correct += top === truth ? 1 : 0;
  }
  return acc.map((b, i) => ({
    from: i / bins,
    to: (i + 1) / bins,
    count: b.count,
    confidence: b.count ? b.confidence / b.count : Number.NaN,
    accuracy: b.count ? b.correct / b.count : Number.NaN,
  }));
};

/** Expected calibration error: Σ_b (n_b / N)·|accuracy_b − confidence_b| over equal-width bins. NaN for no items. */
export const expectedCalibrationError = (items: readonly Scored[], bins = 10): number => {
  if (items.length === 0) return Number.NaN;
  return reliabilityBins(items, bins).reduce((s, b) => (b.count ? s + (b.count / items.length) * Math.abs(b.accuracy - b.confidence) : s), 0);
};
