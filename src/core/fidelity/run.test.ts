import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test, vi } from 'vitest';
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

// Generous limits: the protocol bootstraps every metric, and CI machines are shared.
vi.setConfig({ testTimeout: 60_000 });

describe('runFidelity on the fixture history', () => {
  test('rolling origin: each of the newest 60 reactions is predicted from only the records before it', async () => {
    const leaks: string[] = [];
    let calls = 0;
    const order = new Map([...history.reactions].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1)).map((r, i) => [r.id, i]));
    const at = new Map([...history.reactions.map((r) => [r.id, r.at] as const), ...history.writings.map((w) => [w.id, w.createdAt] as const), ...history.pages.map((p) => [p.id, p.firstVisit] as const)]);
    const spy: Predictor = {
      name: 'spy', personaLabel: 'p', baselineLabel: 'b',
      scoreReaction: async (item, options, persona) => {
        if (persona) {
          calls++;
          const own = history.reactions.find((r) => r.id === item.id)!;
          for (const r of persona.training.reactions) if (order.get(r.id)! >= order.get(item.id)!) leaks.push(r.id);
          for (const id of persona.claims.flatMap((c) => c.evidence)) if (!(at.get(id)! < own.at || order.get(id)! < order.get(item.id)!)) leaks.push(id);
          expect(persona.training.reactions).toHaveLength(order.get(item.id)!);
        }
        return options.map(() => 1 / options.length);
      },
    };
    const report = await runFidelity({ id: 'r', history, predictors: [spy], now: () => 1 });
    expect(report.split).toMatchObject({ protocol: 'rolling-origin', minTrain: 10, reactions: { train: 60, heldOut: 60 }, writings: { train: 60, heldOut: 60 } });
    expect(calls).toBe(60);
    expect(leaks).toEqual([]);
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
    // Rolling origin scores the fixture's scroll reactions too (the 20% tail had too few).
    expect(numeric.status).toBe('ok');
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
    // 60 scored reactions × 2 arms: 10 before the interruption, the other 110 after it.
    expect(calls).toBe(120);
    expect(resumed.tasks.find((t) => t.task === 'reaction')!.status).toBe('ok');
  });
});

describe('the numeric task', () => {
  const scrolls = (depth: (i: number) => number) => Array.from({ length: 100 }, (_, i) => ({ id: `r${String(i).padStart(3, '0')}`, url: 'https://s.test/', site: 's.test', kind: 'scroll' as const, value: depth(i), at: i }));

  test('a constant depth: the site mean is exact, the 0.5 baseline is 0.2 off, paired difference −0.2 [−0.2, −0.2]', async () => {
    const report = await runFidelity({ id: 'r', history: { pages: [], writings: [], reactions: scrolls(() => 0.3), personas: [] }, predictors: [historyFrequencyPredictor], now: () => 1 });
    const numeric = report.tasks.find((t) => t.task === 'numeric')!;
    expect(numeric).toMatchObject({ status: 'ok', n: 60 });
    expect(numeric.persona!.mae!.value).toBeCloseTo(0, 12);
    expect(numeric.baseline!.mae!.value).toBeCloseTo(0.2, 12);
    expect(numeric.difference!.mae).toEqual({ value: expect.closeTo(-0.2, 12), interval: { low: expect.closeTo(-0.2, 12), high: expect.closeTo(-0.2, 12) } });
    expect(report.tasks.find((t) => t.task === 'reaction')!.persona!.top1!.value).toBe(1);
    expect(report.faithfulness).toBeUndefined();
  });

  test('a change of habit: item i (of the newest 20) is predicted by the mean of the i before it (hand-computed)', async () => {
    // Depth 0.2 for the 80 oldest, 0.9 for the 20 newest; scoring the newest 20 only.
    const report = await runFidelity({ id: 'r', history: { pages: [], writings: [], reactions: scrolls((i) => (i < 80 ? 0.2 : 0.9)), personas: [] }, predictors: [historyFrequencyPredictor], now: () => 1, maxItems: 20 });
    const numeric = report.tasks.find((t) => t.task === 'numeric')!;
    const errors = Array.from({ length: 20 }, (_, k) => 0.9 - (80 * 0.2 + k * 0.9) / (80 + k)); // k earlier 0.9s
    expect(numeric.persona!.mae!.value).toBeCloseTo(errors.reduce((s, e) => s + e, 0) / 20, 12);
    expect(numeric.baseline!.mae!.value).toBeCloseTo(0.4, 12);
  });
});
