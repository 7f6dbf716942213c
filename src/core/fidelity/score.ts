import { bootstrapInterval } from './bootstrap';
import { brierScore, expectedCalibrationError, meanReciprocalRank, negativeLogLikelihood, reliabilityBins, top1Accuracy, type Scored } from './classification';
import { aggregateKl } from './divergence';
import type { DraftItem, NumericItem, ReactionItem } from './items';
import { meanAbsoluteError, rootMeanSquaredError, type NumericPair } from './numeric';
import { pairedDifference } from './paired';
import type { Calibration, MetricKey, Metrics, MetricValue } from './report';
import { rouge1, rougeL } from './rouge';
import { charTrigramCosine, functionWordCosine, lengthRatio } from './style-similarity';
import { crossFittedNll, fitTemperature } from './temperature';

const withInterval = <T>(items: readonly T[], statistic: (sample: readonly T[]) => number) => {
  const interval = bootstrapInterval(items, statistic);
  return { value: statistic(items), ...(interval ? { interval } : {}) };
};

export const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

const STYLE: [MetricKey, (candidate: string, reference: string) => number][] = [
  ['rouge1', rouge1],
  ['rougeL', rougeL],
  ['lengthRatio', lengthRatio],
  ['charTrigramCosine', charTrigramCosine],
  ['functionWordCosine', functionWordCosine],
];

/** Style metrics of drafts against what the user really wrote, each with a bootstrap interval. */
export const scoreDrafts = (items: readonly DraftItem[], drafts: readonly string[]): Metrics => {
  const out: Metrics = {};
  for (const [key, metric] of STYLE) out[key] = withInterval(items.map((item, i) => metric(drafts[i]!, item.reference)), mean);
  out.lengthRatioGeo = withInterval(
    items.map((item, i) => lengthRatio(drafts[i]!, item.reference)),
    (ratios) => Math.exp(mean(ratios.map((r) => Math.log(Math.max(r, 1e-6))))),
  );
  return out;
};

export const scoreReactions = (scored: readonly Scored[]): Metrics => ({
  top1: withInterval(scored, top1Accuracy),
  mrr: withInterval(scored, meanReciprocalRank),
  brier: withInterval(scored, brierScore),
  ece: withInterval(scored, expectedCalibrationError),
  nll: withInterval(scored, negativeLogLikelihood),
});

export const calibrate = (persona: readonly Scored[], baseline: readonly Scored[], options: number): Calibration => ({
  bins: reliabilityBins(persona),
  temperature: fitTemperature(persona),
  nllCalibrated: crossFittedNll(persona),
  kl: aggregateKl(persona.map((s) => s.probabilities), persona.map((s) => s.truth), options),
  klBaseline: aggregateKl(baseline.map((s) => s.probabilities), baseline.map((s) => s.truth), options),
});

export const toScored = (items: readonly ReactionItem[], probabilities: readonly number[][]): Scored[] =>
  items.map((item, i) => ({ truth: item.truth, probabilities: probabilities[i]! }));

export const scoreNumeric = (items: readonly NumericItem[], predicted: readonly number[]): Metrics => {
  const pairs: NumericPair[] = items.map((item, i) => ({ predicted: predicted[i]!, actual: item.actual }));
  return { mae: withInterval(pairs, meanAbsoluteError), rmse: withInterval(pairs, rootMeanSquaredError) };
};

const STYLE_STATS = Object.fromEntries(STYLE.map(([key, metric]) => [key, (items: readonly DraftItem[], drafts: readonly string[]) => items.map((item, i) => metric(drafts[i]!, item.reference))])) as Record<MetricKey, (items: readonly DraftItem[], drafts: readonly string[]) => number[]>;

const paired = <T>(persona: readonly T[], baseline: readonly T[], statistic: (sample: readonly T[]) => number) => {
  const d = pairedDifference(persona, baseline, statistic);
  return d ? { value: d.value, ...(d.interval ? { interval: d.interval } : {}) } : undefined;
};

/** Persona − baseline per style metric, paired over the same held-out writings. */
export const draftDifferences = (items: readonly DraftItem[], persona: readonly string[], baseline: readonly string[]): Partial<Record<MetricKey, MetricValue>> => {
  const out: Partial<Record<MetricKey, MetricValue>> = {};
  for (const [key] of STYLE) {
    // Length ratio is better the closer to 1: its difference is of |log ratio| (negative = persona closer to your length).
    const values = (drafts: readonly string[]) => STYLE_STATS[key](items, drafts).map((x) => (key === 'lengthRatio' ? Math.abs(Math.log(Math.max(x, 1e-6))) : x));
    const d = paired(values(persona), values(baseline), mean);
    if (d) out[key] = d;
  }
  return out;
};

export const reactionDifferences = (persona: readonly Scored[], baseline: readonly Scored[]): Partial<Record<MetricKey, MetricValue>> => {
  const out: Partial<Record<MetricKey, MetricValue>> = {};
  for (const [key, statistic] of [['top1', top1Accuracy], ['mrr', meanReciprocalRank], ['brier', brierScore], ['nll', negativeLogLikelihood]] as const) {
    const d = paired(persona, baseline, statistic);
    if (d) out[key] = d;
  }
  return out;
};

export const numericDifferences = (items: readonly NumericItem[], persona: readonly number[], baseline: readonly number[]): Partial<Record<MetricKey, MetricValue>> => {
  const pairs = (p: readonly number[]) => items.map((item, i) => ({ predicted: p[i]!, actual: item.actual }));
  const out: Partial<Record<MetricKey, MetricValue>> = {};
  const mae = paired(pairs(persona), pairs(baseline), meanAbsoluteError);
  if (mae) out.mae = mae;
  return out;
};
