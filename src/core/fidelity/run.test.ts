import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseExport } from '../export/schema';
import { DoppelError } from '../result';
import { historyFrequencyPredictor, styleMatchPredictor } from './deterministic-predictors';
import type { Predictor } from './predictors';
import type { FidelityReport } from './report';
import { runFidelity } from './run';
import { formatReport } from './table';

const parsed = parseExport(readFileSync(resolve(import.meta.dirname, '../../../tests/fixtures/fidelity-export.json'), 'utf8'));
if (!parsed.ok) throw new Error(parsed.error.message);
const history = parsed.value;
const deterministic = [styleMatchPredictor, historyFrequencyPredictor];

describe('runFidelity on the fixture history', () => {
  test('holds out the newest 20% and never lets the persona see them', async () => {
    const seen: string[] = [];
    const spy: Predictor = {
      name: 'spy', personaLabel: 'p', baselineLabel: 'b',
      scoreReaction: async (_item, options, persona) => {
        if (persona) seen.push(...persona.training.reactions.map((r) => r.id), ...persona.claims.flatMap((c) => c.evidence));
        return options.map(() => 1 / options.length);
      },
    };
    const report = await runFidelity({ id: 'r', history, predictors: [spy], now: () => 1 });
    expect(report.split.reactions).toEqual({ train: 96, heldOut: 24 });
    const heldOut = new Set(history.reactions.slice(96).map((r) => r.id));
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.filter((id) => heldOut.has(id))).toEqual([]);
  });

  test('scores both arms; the frequency predictor beats uniform; uniform top-1 is exactly 1/9', async () => {
    const report = await runFidelity({ id: 'r', history, predictors: deterministic, now: () => 1 });
    const reaction = report.tasks.find((t) => t.task === 'reaction')!;
    expect(reaction.status).toBe('ok');
    expect(reaction.baseline!.top1!.value).toBeCloseTo(1 / 9, 12);
    expect(reaction.baseline!.nll!.value).toBeCloseTo(Math.log(9), 12);
    expect(reaction.persona!.nll!.value).toBeLessThan(Math.log(9));
    expect(reaction.persona!.top1!.interval!.low).toBeLessThanOrEqual(reaction.persona!.top1!.value);
    expect(reaction.calibration!.bins).toHaveLength(10);
    const style = report.tasks.find((t) => t.task === 'style')!;
    expect(style.persona!.charTrigramCosine!.value).toBeGreaterThan(style.baseline!.charTrigramCosine!.value);
    const numeric = report.tasks.find((t) => t.task === 'numeric')!;
    expect(numeric.status).toBe('insufficient');
    expect(numeric.reason).toMatch(/Not enough data yet/);
    expect(report.faithfulness).toMatchObject({ claims: 5, supported: 3, share: 0.6 });
    expect(report.bigFive).toHaveLength(5);
  });

  test('is reproducible: the same history gives the same report', async () => {
    const a = await runFidelity({ id: 'r', history, predictors: deterministic, now: () => 1 });
    const b = await runFidelity({ id: 'r', history, predictors: deterministic, now: () => 1 });
    expect(formatReport(a)).toBe(formatReport(b));
  });

  test('a predictor that cannot score makes its row unavailable with the reason; the rest still completes', async () => {
    const broken: Predictor = {
      name: 'engine', personaLabel: 'p', baselineLabel: 'b',
      scoreReaction: async () => { throw new DoppelError('engine_unavailable', 'This engine cannot score options yet.'); },
    };
    const report = await runFidelity({ id: 'r', history, predictors: [broken, historyFrequencyPredictor], now: () => 1 });
    const row = report.tasks.find((t) => t.predictor === 'engine')!;
    expect(row).toMatchObject({ status: 'unavailable', reason: 'This engine cannot score options yet. (engine_unavailable)' });
    expect(report.status).toBe('done');
    expect(report.progress.done).toBe(report.progress.total);
  });

  test('resumes from a checkpoint without predicting the same item twice', async () => {
    let calls = 0;
    const counting: Predictor = { ...historyFrequencyPredictor, name: 'counting', scoreReaction: async (...args) => (calls++, historyFrequencyPredictor.scoreReaction!(...args)) };
    const controller = new AbortController();
    let saved: FidelityReport | undefined;
    const first = runFidelity({
      id: 'r', history, predictors: [counting], now: () => 1, signal: controller.signal,
      checkpoint: async (report) => {
        saved = structuredClone(report);
        if (report.progress.done === 10) controller.abort();
      },
    });
    await expect(first).rejects.toThrow();
    expect(calls).toBe(10);
    const resumed = await runFidelity({ id: 'r', history, predictors: [counting], now: () => 1, resume: saved! });
    // 24 held-out reactions × 2 arms: 10 before the interruption, the other 38 after it.
    expect(calls).toBe(48);
    expect(resumed.tasks.find((t) => t.task === 'reaction')!.status).toBe('ok');
  });
});

describe('the numeric task', () => {
  test('with ≥ 20 held-out scroll depths: MAE/RMSE of the site mean against the 0.5 baseline, hand-computed', async () => {
    // 100 scroll reactions on one site: depth 0.2 for the 80 oldest, 0.9 for the 20 newest (held out).
    const reactions = Array.from({ length: 100 }, (_, i) => ({ id: `r${i}`, url: 'https://s.test/', site: 's.test', kind: 'scroll' as const, value: i < 80 ? 0.2 : 0.9, at: i }));
    const report = await runFidelity({ id: 'r', history: { pages: [], writings: [], reactions, personas: [] }, predictors: [historyFrequencyPredictor], now: () => 1 });
    const numeric = report.tasks.find((t) => t.task === 'numeric')!;
    expect(numeric).toMatchObject({ status: 'ok', n: 20 });
    expect(numeric.persona!.mae!.value).toBeCloseTo(0.7, 12);
    expect(numeric.persona!.rmse!.value).toBeCloseTo(0.7, 12);
    expect(numeric.baseline!.mae!.value).toBeCloseTo(0.4, 12);
    expect(numeric.persona!.mae!.interval).toEqual({ low: expect.closeTo(0.7, 12), high: expect.closeTo(0.7, 12) });
    // Every held-out reaction is "scroll", and so were all the training ones: top-1 is certain.
    expect(report.tasks.find((t) => t.task === 'reaction')!.persona!.top1!.value).toBe(1);
    expect(report.faithfulness).toBeUndefined();
  });
});
