import { writtenByUser } from '../model/records';
import { toAppError } from '../result';
import { bootstrapInterval } from './bootstrap';
import { faithfulness, judgeClaims, lexicalOverlapJudge, type SupportJudge } from './faithfulness';
import { draftItems, numericItems, REACTION_OPTIONS, reactionItems, type FidelityHistory } from './items';
import { personaBefore } from './persona-context';
import { judgePairs, type PairwiseInput } from './pairwise-run';
import type { Arm, PersonaContext, Predictor } from './predictors';
import type { FaithfulnessReport, FidelityReport, Prediction, TaskKind, TaskReport } from './report';
import { MAX_ITEMS, MIN_ITEMS, MIN_TRAIN, moreNeeded, rollingOrigin } from './rolling-origin';
import { calibrate, draftDifferences, numericDifferences, reactionDifferences, scoreDrafts, scoreNumeric, scoreReactions, toScored } from './score';

export interface RunFidelityInput {
  id: string;
  history: FidelityHistory;
  predictors: readonly Predictor[];
  now?: () => number;
  /** Kept for old callers; the rolling origin scores up to `maxItems` newest records instead. */
  share?: number;
  /** At most this many newest records are scored per task (default MAX_ITEMS). */
  maxItems?: number;
  judge?: { name: string; judge: SupportJudge };
  /** Also a pairwise judge of one predictor's drafts (persona against none; the real reply against none). */
  pairwise?: PairwiseInput;
  /** An unfinished report to continue: its predictions are not made again. */
  resume?: FidelityReport;
  /** Called after every prediction with the report so far (persist it to resume after a crash). */
  checkpoint?: (report: FidelityReport) => Promise<void>;
  signal?: AbortSignal;
}

const ARMS: readonly Arm[] = ['persona', 'baseline'];
const TASK_TITLES: Record<TaskKind, string> = { style: 'Draft a reply (style)', reaction: 'Predict the reaction', numeric: 'Predict scroll depth' };
const NOUNS: Record<TaskKind, string> = { style: 'writings', reaction: 'reactions', numeric: 'scroll reactions' };

const key = (predictor: string, task: TaskKind, arm: Arm, item: string) => `${predictor}/${task}/${arm}/${item}`;
const isError = (p: Prediction | undefined): p is { error: string; code: string } => typeof p === 'object' && p !== null && !Array.isArray(p);

/**
 * The fidelity protocol (rolling origin): each of the newest records is predicted by every
 * predictor twice — with a persona built only from the records before it, and without — and both
 * arms are scored against what the user really did, with paired differences.
 */
export const runFidelity = async (input: RunFidelityInput): Promise<FidelityReport> => {
  const now = input.now ?? Date.now;
  const { history } = input;
  const maxItems = input.maxItems ?? MAX_ITEMS;
  const writings = rollingOrigin(history.writings.filter(writtenByUser), (w) => w.createdAt, { maxItems });
  const reactions = rollingOrigin(history.reactions, (r) => r.at, { maxItems });
  const scrolls = rollingOrigin(history.reactions, (r) => r.at, { maxItems, eligible: (r) => r.kind === 'scroll' && typeof r.value === 'number' && r.value >= 0 && r.value <= 1 });
  const reactionsSorted = reactions.sorted;
  const writingsSorted = writings.sorted;
  const pagesByTime = [...history.pages].sort((a, b) => a.firstVisit - b.firstVisit);
  const before = <T>(sorted: readonly T[], at: (x: T) => number, cutoff: number) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (at(sorted[mid]!) < cutoff) lo = mid + 1;
      else hi = mid;
    }
    return sorted.slice(0, lo);
  };
  // Each scored record has its own persona: only what came before it.
  const contexts = new Map<string, PersonaContext>();
  for (const o of writings.origins) {
    const cutoff = o.record.createdAt;
    contexts.set(o.record.id, personaBefore(history, cutoff, { writings: writingsSorted.slice(0, o.index), reactions: before(reactionsSorted, (r) => r.at, cutoff) }, before(pagesByTime, (p) => p.firstVisit, cutoff)));
  }
  for (const o of [...reactions.origins, ...scrolls.origins]) {
    if (contexts.has(o.record.id)) continue;
    const cutoff = o.record.at;
    contexts.set(o.record.id, personaBefore(history, cutoff, { writings: before(writingsSorted, (w) => w.createdAt, cutoff), reactions: reactionsSorted.slice(0, o.index) }, before(pagesByTime, (p) => p.firstVisit, cutoff)));
  }
  const items = {
    style: draftItems(writings.origins.map((o) => o.record), history.pages),
    reaction: reactionItems(reactions.origins.map((o) => o.record), history.pages),
    numeric: numericItems(scrolls.origins.map((o) => o.record), history.pages),
  };
  const available = { style: writings.sorted.length, reaction: history.reactions.length, numeric: scrolls.sorted.filter((r) => r.kind === 'scroll').length };
  const predictions: Record<string, Prediction> = Object.fromEntries(Object.entries(input.resume?.predictions ?? {}).filter(([, p]) => !isError(p)));
  const jobs = input.predictors.flatMap((p) =>
    (['style', 'reaction', 'numeric'] as const).filter((task) => hasTask(p, task) && items[task].length >= MIN_ITEMS).map((task) => ({ predictor: p, task })),
  );
  const judged = input.pairwise && jobs.some((j) => j.task === 'style' && j.predictor.name === input.pairwise!.predictor) ? input.pairwise : undefined;
  const report: FidelityReport = {
    id: input.id,
    createdAt: input.resume?.createdAt ?? now(),
    updatedAt: now(),
    status: 'running',
    progress: { done: 0, total: jobs.reduce((s, j) => s + 2 * items[j.task].length, 0) + (judged ? 2 * items.style.length : 0) },
    split: {
      share: history.writings.length ? writings.origins.length / history.writings.length : 0,
      protocol: 'rolling-origin',
      minTrain: MIN_TRAIN,
      writings: { train: history.writings.length - writings.origins.length, heldOut: writings.origins.length },
      reactions: { train: history.reactions.length - reactions.origins.length, heldOut: reactions.origins.length },
    },
    tasks: [],
    predictions,
  };
  const signal = input.signal ?? new AbortController().signal;
  for (const { predictor, task } of jobs) {
    for (const arm of ARMS) {
      for (const item of items[task]) {
        const k = key(predictor.name, task, arm, item.id);
        if (predictions[k] === undefined) {
          signal.throwIfAborted();
          try {
            predictions[k] = await predict(predictor, task, item, arm === 'persona' || predictor.bothArmsSeePersona ? contexts.get(item.id)! : null, signal, arm);
          } catch (error) {
            if (signal.aborted) throw error;
            const { code, message } = toAppError(error);
            predictions[key(predictor.name, task, arm, '!error')] = { code, error: message };
            report.progress.done += items[task].length - items[task].indexOf(item as never);
            break;
          }
          report.updatedAt = now();
          report.progress.done++;
          await input.checkpoint?.(report);
        } else report.progress.done++;
      }
    }
  }
  report.tasks = input.predictors.flatMap((p) => (['style', 'reaction', 'numeric'] as const).filter((task) => hasTask(p, task)).map((task) => scoreTask(p, task, items, predictions, available[task])));
  if (input.pairwise) {
    const { judge, predictor } = input.pairwise;
    const row = report.tasks.find((t) => t.task === 'style' && t.predictor === predictor);
    if (judged && row?.status === 'ok')
      report.pairwise = await judgePairs({
        pairwise: judged,
        items: items.style,
        draft: (arm, item) => predictions[key(predictor, 'style', arm, item.id)] as string,
        context: (item) => contexts.get(item.id)!,
        predictions,
        afterEach: async (resumed) => {
          report.progress.done++;
          if (resumed) return;
          report.updatedAt = now();
          await input.checkpoint?.(report);
        },
        signal,
      });
    else report.pairwise = { judge: judge.name, predictor, status: 'unavailable', reason: row?.reason ?? `There are no ${predictor} drafts to judge.`, rows: [] };
  }
  const faith = await scoreFaithfulness(history, input.judge ?? { name: 'lexical overlap', judge: lexicalOverlapJudge });
  if (faith) report.faithfulness = faith;
  const newest = [...history.personas].sort((a, b) => b.createdAt - a.createdAt)[0];
  if (newest?.bigFive?.length) report.bigFive = newest.bigFive.map(({ trait, score, sd, runs }) => ({ trait, score, sd, runs }));
  report.status = 'done';
  report.updatedAt = now();
  return report;
};

const hasTask = (p: Predictor, task: TaskKind): boolean => (task === 'style' ? !!p.draft : task === 'reaction' ? !!p.scoreReaction : !!p.predictNumeric);

const predict = async (p: Predictor, task: TaskKind, item: unknown, persona: PersonaContext | null, signal: AbortSignal, arm: Arm): Promise<Prediction> => {
  if (task === 'style') return p.draft!(item as never, persona, signal, arm);
  if (task === 'reaction') return p.scoreReaction!(item as never, REACTION_OPTIONS, persona, signal);
  return p.predictNumeric!(item as never, persona, signal);
};

type Items = { style: ReturnType<typeof draftItems>; reaction: ReturnType<typeof reactionItems>; numeric: ReturnType<typeof numericItems> };

const scoreTask = (p: Predictor, task: TaskKind, items: Items, predictions: Record<string, Prediction>, available: number): TaskReport => {
  const n = items[task].length;
  const base = { task, predictor: p.name, title: TASK_TITLES[task], n, personaLabel: p.personaLabel, baselineLabel: p.baselineLabel };
  if (n < MIN_ITEMS) {
    const more = Math.max(1, moreNeeded(available), MIN_ITEMS - n);
    return { ...base, status: 'insufficient', reason: `Not enough data yet: you have ${available} ${NOUNS[task]}; ${MIN_TRAIN + MIN_ITEMS} are needed (each of the newest ${MIN_ITEMS} is predicted from at least ${MIN_TRAIN} before it). About ${more} more and it can be measured.` };
  }
  const failure = ARMS.map((arm) => predictions[key(p.name, task, arm, '!error')]).find(isError);
  if (failure) return { ...base, status: 'unavailable', reason: `${failure.error} (${failure.code})` };
  const arm = (a: Arm) => items[task].map((item) => predictions[key(p.name, task, a, item.id)]);
  if (task === 'style') {
    const [persona, baseline] = [arm('persona') as string[], arm('baseline') as string[]];
    return { ...base, status: 'ok', persona: scoreDrafts(items.style, persona), baseline: scoreDrafts(items.style, baseline), difference: draftDifferences(items.style, persona, baseline) };
  }
  if (task === 'numeric') {
    const [persona, baseline] = [arm('persona') as number[], arm('baseline') as number[]];
    return { ...base, status: 'ok', persona: scoreNumeric(items.numeric, persona), baseline: scoreNumeric(items.numeric, baseline), difference: numericDifferences(items.numeric, persona, baseline) };
  }
  const persona = toScored(items.reaction, arm('persona') as number[][]);
  const baseline = toScored(items.reaction, arm('baseline') as number[][]);
  return { ...base, status: 'ok', persona: scoreReactions(persona), baseline: scoreReactions(baseline), calibration: calibrate(persona, baseline, REACTION_OPTIONS.length), difference: reactionDifferences(persona, baseline) };
};

const recordText = (history: FidelityHistory): ((id: string) => string | undefined) => {
  const texts = new Map<string, string>();
  for (const p of history.pages) texts.set(p.id, `${p.title}\n${p.text}`);
  for (const w of history.writings) texts.set(w.id, w.text);
  for (const r of history.reactions) texts.set(r.id, `${r.kind} ${r.site} ${r.url}`);
  return (id) => texts.get(id);
};

const scoreFaithfulness = async (history: FidelityHistory, judge: { name: string; judge: SupportJudge }): Promise<FaithfulnessReport | undefined> => {
  const newest = [...history.personas].sort((a, b) => b.createdAt - a.createdAt)[0];
  if (!newest?.claims.length) return undefined;
  const verdicts = await judgeClaims(newest.claims, recordText(history), judge.judge);
  const interval = bootstrapInterval(verdicts, faithfulness);
  return { claims: verdicts.length, supported: verdicts.filter((v) => v.supported).length, share: faithfulness(verdicts), judge: judge.name, ...(interval ? { interval } : {}) };
};
