import { writtenByUser } from '../model/records';
import { toAppError } from '../result';
import { bootstrapInterval } from './bootstrap';
import { faithfulness, judgeClaims, lexicalOverlapJudge, type SupportJudge } from './faithfulness';
import { draftItems, numericItems, REACTION_OPTIONS, reactionItems, type FidelityHistory } from './items';
import { personaFromTraining } from './persona-context';
import type { PersonaContext, Predictor } from './predictors';
import type { FaithfulnessReport, FidelityReport, Prediction, TaskKind, TaskReport } from './report';
import { calibrate, scoreDrafts, scoreNumeric, scoreReactions, toScored } from './score';
import { HELD_OUT_SHARE, MIN_HELD_OUT, splitNewest } from './split';

export interface RunFidelityInput {
  id: string;
  history: FidelityHistory;
  predictors: readonly Predictor[];
  now?: () => number;
  share?: number;
  judge?: { name: string; judge: SupportJudge };
  /** An unfinished report to continue: its predictions are not made again. */
  resume?: FidelityReport;
  /** Called after every prediction with the report so far (persist it to resume after a crash). */
  checkpoint?: (report: FidelityReport) => Promise<void>;
  signal?: AbortSignal;
}

type Arm = 'persona' | 'baseline';
const ARMS: readonly Arm[] = ['persona', 'baseline'];
const TASK_TITLES: Record<TaskKind, string> = { style: 'Draft a reply (style)', reaction: 'Predict the reaction', numeric: 'Predict scroll depth' };
const NOUNS: Record<TaskKind, string> = { style: 'writings', reaction: 'reactions', numeric: 'scroll reactions' };

const key = (predictor: string, task: TaskKind, arm: Arm, item: string) => `${predictor}/${task}/${arm}/${item}`;
const isError = (p: Prediction | undefined): p is { error: string; code: string } => typeof p === 'object' && p !== null && !Array.isArray(p);

/**
 * The fidelity protocol: hold out the newest records, predict each held-out item with every
 * predictor twice — with the persona (built from older records only) and without — and score both
 * arms against what the user really did.
 */
export const runFidelity = async (input: RunFidelityInput): Promise<FidelityReport> => {
  const now = input.now ?? Date.now;
  const { history } = input;
  const share = input.share ?? HELD_OUT_SHARE;
  const writings = splitNewest(history.writings.filter(writtenByUser), (w) => w.createdAt, share);
  const reactions = splitNewest(history.reactions, (r) => r.at, share);
  const persona = personaFromTraining(history, writings, reactions);
  const items = {
    style: draftItems(writings.heldOut, history.pages),
    reaction: reactionItems(reactions.heldOut, history.pages),
    numeric: numericItems(reactions.heldOut, history.pages),
  };
  const predictions: Record<string, Prediction> = Object.fromEntries(Object.entries(input.resume?.predictions ?? {}).filter(([, p]) => !isError(p)));
  const jobs = input.predictors.flatMap((p) =>
    (['style', 'reaction', 'numeric'] as const).filter((task) => hasTask(p, task) && items[task].length >= MIN_HELD_OUT).map((task) => ({ predictor: p, task })),
  );
  const report: FidelityReport = {
    id: input.id,
    createdAt: input.resume?.createdAt ?? now(),
    updatedAt: now(),
    status: 'running',
    progress: { done: 0, total: jobs.reduce((s, j) => s + 2 * items[j.task].length, 0) },
    split: { share, writings: { train: writings.train.length, heldOut: writings.heldOut.length }, reactions: { train: reactions.train.length, heldOut: reactions.heldOut.length } },
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
            predictions[k] = await predict(predictor, task, item, arm === 'persona' ? persona : null, signal);
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
  report.tasks = input.predictors.flatMap((p) => (['style', 'reaction', 'numeric'] as const).filter((task) => hasTask(p, task)).map((task) => scoreTask(p, task, items, predictions)));
  const faith = await scoreFaithfulness(history, input.judge ?? { name: 'lexical overlap', judge: lexicalOverlapJudge });
  if (faith) report.faithfulness = faith;
  const newest = [...history.personas].sort((a, b) => b.createdAt - a.createdAt)[0];
  if (newest?.bigFive?.length) report.bigFive = newest.bigFive.map(({ trait, score, sd, runs }) => ({ trait, score, sd, runs }));
  report.status = 'done';
  report.updatedAt = now();
  return report;
};

const hasTask = (p: Predictor, task: TaskKind): boolean => (task === 'style' ? !!p.draft : task === 'reaction' ? !!p.scoreReaction : !!p.predictNumeric);

const predict = async (p: Predictor, task: TaskKind, item: unknown, persona: PersonaContext | null, signal: AbortSignal): Promise<Prediction> => {
  if (task === 'style') return p.draft!(item as never, persona, signal);
  if (task === 'reaction') return p.scoreReaction!(item as never, REACTION_OPTIONS, persona, signal);
  return p.predictNumeric!(item as never, persona, signal);
};

type Items = { style: ReturnType<typeof draftItems>; reaction: ReturnType<typeof reactionItems>; numeric: ReturnType<typeof numericItems> };

const scoreTask = (p: Predictor, task: TaskKind, items: Items, predictions: Record<string, Prediction>): TaskReport => {
  const n = items[task].length;
  const base = { task, predictor: p.name, title: TASK_TITLES[task], n, personaLabel: p.personaLabel, baselineLabel: p.baselineLabel };
  if (n < MIN_HELD_OUT) return { ...base, status: 'insufficient', reason: `Not enough data yet: ${n} held-out ${NOUNS[task]}, at least ${MIN_HELD_OUT} are needed.` };
  const failure = ARMS.map((arm) => predictions[key(p.name, task, arm, '!error')]).find(isError);
  if (failure) return { ...base, status: 'unavailable', reason: `${failure.error} (${failure.code})` };
  const arm = (a: Arm) => items[task].map((item) => predictions[key(p.name, task, a, item.id)]);
  if (task === 'style') return { ...base, status: 'ok', persona: scoreDrafts(items.style, arm('persona') as string[]), baseline: scoreDrafts(items.style, arm('baseline') as string[]) };
  if (task === 'numeric') return { ...base, status: 'ok', persona: scoreNumeric(items.numeric, arm('persona') as number[]), baseline: scoreNumeric(items.numeric, arm('baseline') as number[]) };
  const persona = toScored(items.reaction, arm('persona') as number[][]);
  const baseline = toScored(items.reaction, arm('baseline') as number[][]);
  return { ...base, status: 'ok', persona: scoreReactions(persona), baseline: scoreReactions(baseline), calibration: calibrate(persona, baseline, REACTION_OPTIONS.length) };
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
