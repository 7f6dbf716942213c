import { bootstrapInterval, type Interval } from './bootstrap';
import { brierScore, negativeLogLikelihood } from './classification';
import { draftItems, reactionItems, type FidelityHistory } from './items';
import type { FidelityReport, TaskKind } from './report';
import { rouge1, rougeL } from './rouge';
import { HELD_OUT_SHARE, splitNewest } from './split';
import { charTrigramCosine } from './style-similarity';

/** Mean over held-out items of (persona arm − baseline arm) for one metric, with its paired interval. */
export interface PairedDifference {
  task: TaskKind;
  predictor: string;
  metric: 'rouge1' | 'rougeL' | 'charTrigramCosine' | 'brier' | 'nll';
  n: number;
  difference: number;
  /** Percentile bootstrap 95% interval, resampling items (both arms of an item together). */
  interval?: Interval;
}

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/**
 * The paired comparison the per-arm intervals cannot give: both arms predict the same items, so
 * the per-item difference carries the signal and the items' own difficulty cancels out. Recomputes
 * the protocol's split and items from the history, and reads both arms from the report's predictions.
 */
export const pairedDifferences = (history: FidelityHistory, report: Pick<FidelityReport, 'predictions' | 'split'>, predictor: string): PairedDifference[] => {
  const share = report.split.share ?? HELD_OUT_SHARE;
  const prediction = (task: TaskKind, arm: 'persona' | 'baseline', id: string) => report.predictions[`${predictor}/${task}/${arm}/${id}`];
  const out: PairedDifference[] = [];
  const paired = (task: TaskKind, metric: PairedDifference['metric'], diffs: number[]) => {
    if (!diffs.length) return;
    const interval = bootstrapInterval(diffs, mean);
    out.push({ task, predictor, metric, n: diffs.length, difference: mean(diffs), ...(interval ? { interval } : {}) });
  };

  const drafts = draftItems(splitNewest(history.writings, (w) => w.createdAt, share).heldOut, history.pages).flatMap((item) => {
    const p = prediction('style', 'persona', item.id);
    const b = prediction('style', 'baseline', item.id);
    return typeof p === 'string' && typeof b === 'string' ? [{ item, p, b }] : [];
  });
  for (const [metric, score] of [['rouge1', rouge1], ['rougeL', rougeL], ['charTrigramCosine', charTrigramCosine]] as const) {
    paired('style', metric, drafts.map(({ item, p, b }) => score(p, item.reference) - score(b, item.reference)));
  }

  const reactions = reactionItems(splitNewest(history.reactions, (r) => r.at, share).heldOut, history.pages).flatMap((item) => {
    const p = prediction('reaction', 'persona', item.id);
    const b = prediction('reaction', 'baseline', item.id);
    return Array.isArray(p) && Array.isArray(b) ? [{ truth: item.truth, p, b }] : [];
  });
  for (const [metric, score] of [['brier', brierScore], ['nll', negativeLogLikelihood]] as const) {
    paired('reaction', metric, reactions.map(({ truth, p, b }) => score([{ truth, probabilities: p }]) - score([{ truth, probabilities: b }])));
  }
  return out;
};
