import { toAppError } from '../result';
import { bootstrapInterval } from './bootstrap';
import type { DraftItem } from './items';
import type { PairwiseJudge } from './pairwise-judge';
import type { Arm, PersonaContext } from './predictors';
import type { PairwiseComparison, PairwiseReport, PairwiseRow, Prediction } from './report';
import { mean } from './score';

export interface PairwiseInput {
  judge: PairwiseJudge;
  /** Whose drafts are judged (a predictor's name, e.g. "engine"). */
  predictor: string;
}

export const PAIRWISE_COMPARISONS: readonly PairwiseComparison[] = ['persona-vs-baseline', 'real-vs-baseline'];

export const pairwiseKey = (predictor: string, comparison: PairwiseComparison, item: string): string => `judge/${predictor}/${comparison}/${item}`;

export interface JudgePairsInput {
  pairwise: PairwiseInput;
  items: readonly DraftItem[];
  /** The judged predictor's draft for an item in one arm. */
  draft: (arm: Arm, item: DraftItem) => string;
  context: (item: DraftItem) => PersonaContext;
  /** Shared with the run: preferences already there (a resumed run) are not asked again. */
  predictions: Record<string, Prediction>;
  /** After each new preference (the run's progress and checkpoint). */
  afterEach: (done: boolean) => Promise<void>;
  signal: AbortSignal;
}

/**
 * For every held-out item, the judge compares the persona draft with the no-persona draft, and, as
 * a check of the judge itself, the user's real reply with the no-persona draft: a judge that cannot
 * tell the real reply apart is no evidence either way.
 */
export const judgePairs = async (input: JudgePairsInput): Promise<PairwiseReport> => {
  const { judge, predictor } = input.pairwise;
  const base = { judge: judge.name, predictor };
  try {
    for (const comparison of PAIRWISE_COMPARISONS) {
      for (const item of input.items) {
        const k = pairwiseKey(predictor, comparison, item.id);
        if (typeof input.predictions[k] === 'number') {
          await input.afterEach(true);
          continue;
        }
        input.signal.throwIfAborted();
        const first = comparison === 'persona-vs-baseline' ? input.draft('persona', item) : item.reference;
        input.predictions[k] = await judge.prefer(item, input.context(item), first, input.draft('baseline', item), input.signal);
        await input.afterEach(false);
      }
    }
  } catch (error) {
    if (input.signal.aborted) throw error;
    const { code, message } = toAppError(error);
    return { ...base, status: 'unavailable', reason: `${message} (${code})`, rows: [] };
  }
  const rows = PAIRWISE_COMPARISONS.map((comparison): PairwiseRow => {
    const p = input.items.map((item) => input.predictions[pairwiseKey(predictor, comparison, item.id)] as number);
    const interval = bootstrapInterval(p, mean);
    return { comparison, n: p.length, preferred: { value: mean(p), ...(interval ? { interval } : {}) }, wins: p.filter((x) => x > 0.5).length };
  });
  return { ...base, status: 'ok', rows };
};
