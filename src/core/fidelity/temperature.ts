import { negativeLogLikelihood, type Scored } from './classification';

/**
 * Rescales a distribution as softmax(log p / T): T > 1 flattens, T < 1 sharpens, T = 1 is identity.
 * Zero probabilities stay zero (their log is −∞ at any T).
 */
export const applyTemperature = (probabilities: readonly number[], temperature: number): number[] => {
  const logs = probabilities.map((p) => (p > 0 ? Math.log(p) / temperature : Number.NEGATIVE_INFINITY));
  const max = Math.max(...logs);
  if (!Number.isFinite(max)) return probabilities.map(() => 1 / probabilities.length);
  const exps = logs.map((l) => Math.exp(l - max));
  const sum = exps.reduce((s, e) => s + e, 0);
  return exps.map((e) => e / sum);
};

export const MIN_LOG_T = Math.log(0.05);
export const MAX_LOG_T = Math.log(20);
const PHI = (Math.sqrt(5) - 1) / 2;

/**
 * The temperature that minimises mean NLL on `items`: golden-section search over log T in
 * [ln 0.05, ln 20] (NLL is unimodal in log T for a fixed set of items). Returns 1 when there is
 * nothing to fit.
 */
export const fitTemperature = (items: readonly Scored[], iterations = 60): number => {
  if (items.length === 0) return 1;
  const loss = (logT: number) => negativeLogLikelihood(items.map((item) => ({ truth: item.truth, probabilities: applyTemperature(item.probabilities, Math.exp(logT)) })));
  let a = MIN_LOG_T;
  let b = MAX_LOG_T;
  let c = b - PHI * (b - a);
  let d = a + PHI * (b - a);
  let fc = loss(c);
  let fd = loss(d);
  for (let i = 0; i < iterations; i++) {
    if (fc <= fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - PHI * (b - a);
      fc = loss(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + PHI * (b - a);
      fd = loss(d);
    }
  }
  return Math.exp((a + b) / 2);
};

/**
 * NLL after temperature scaling, two-fold cross-fitted (T fitted on the even items scores the odd
 * ones and vice versa), so the reported gain is not measured on the items it was fitted to.
 */
export const crossFittedNll = (items: readonly Scored[]): number => {
  if (items.length < 2) return Number.NaN;
  const even = items.filter((_, i) => i % 2 === 0);
  const odd = items.filter((_, i) => i % 2 === 1);
  const scale = (fold: readonly Scored[], t: number) => fold.map((item) => ({ truth: item.truth, probabilities: applyTemperature(item.probabilities, t) }));
  const scored = [...scale(odd, fitTemperature(even)), ...scale(even, fitTemperature(odd))];
  return negativeLogLikelihood(scored);
};
