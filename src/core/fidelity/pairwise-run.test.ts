import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test, vi } from 'vitest';
import { parseExport } from '../export/schema';
import { DoppelError } from '../result';
import type { PairwiseJudge } from './pairwise-judge';
import type { Predictor } from './predictors';
import type { FidelityReport } from './report';
import { runFidelity } from './run';
import { formatReport } from './table';

const parsed = parseExport(readFileSync(resolve(import.meta.dirname, '../../../tests/fixtures/fidelity-export.json'), 'utf8'));
if (!parsed.ok) throw new Error(parsed.error.message);
const history = parsed.value;
vi.setConfig({ testTimeout: 60_000 });

/** Drafts that say which arm wrote them: the judge below can tell them apart. */
const labelled: Predictor = { name: 'engine', personaLabel: 'p', baselineLabel: 'b', draft: async (item, persona) => (persona ? `persona ${item.id}` : `baseline ${item.id}`) };

/** Prefers a persona draft 0.75, the real reply on even items only (1 / 0). */
const judge = (asked: string[] = []): PairwiseJudge => ({
  name: 'test judge',
  prefer: async (item, persona, a, b) => {
    asked.push(`${item.id}:${a.split(' ')[0]}`);
    expect(b).toBe(`baseline ${item.id}`);
    expect(persona.training.writings.every((w) => w.id !== item.id)).toBe(true);
    if (a.startsWith('persona')) return 0.75;
    return Number(item.id.replace(/\D/g, '')) % 2 === 0 ? 1 : 0;
  },
});

test('the pairwise judge compares each item\'s persona draft with its no-persona draft, and the real reply with it (hand-computed)', async () => {
  const asked: string[] = [];
  const report = await runFidelity({ id: 'r', history, predictors: [labelled], pairwise: { judge: judge(asked), predictor: 'engine' }, maxItems: 20, now: () => 1 });
  const style = report.tasks.find((t) => t.task === 'style')!;
  expect(style.n).toBe(20);
  expect(asked).toHaveLength(40);
  const [persona, real] = report.pairwise!.rows;
  expect(report.pairwise).toMatchObject({ judge: 'test judge', predictor: 'engine', status: 'ok' });
  expect(persona).toMatchObject({ comparison: 'persona-vs-baseline', n: 20, wins: 20, preferred: { value: 0.75, interval: { low: 0.75, high: 0.75 } } });
  const ids = Object.keys(report.predictions).filter((k) => k.startsWith('engine/style/persona/')).map((k) => k.split('/').pop()!);
  const even = ids.filter((id) => Number(id.replace(/\D/g, '')) % 2 === 0).length;
  expect(real).toMatchObject({ comparison: 'real-vs-baseline', n: 20, wins: even, preferred: { value: even / 20 } });
  expect(real!.preferred.interval!.low).toBeLessThan(even / 20);
  // Two arms' drafts and two comparisons per item.
  expect(report.progress).toEqual({ done: 2 * 20 + 2 * 20, total: 2 * 20 + 2 * 20 });
  const table = formatReport(report);
  expect(table).toContain('Pairwise judge (test judge, on engine drafts)');
  expect(table).toContain('the persona draft preferred over the no-persona draft: 0.750 [0.750, 0.750] * (preferred in 20 of 20 items)');
  expect(table).toContain(`judge check: your real reply preferred over the no-persona draft: ${(even / 20).toFixed(3)}`);
});

test('a resumed run does not ask the judge again about what its checkpoint has', async () => {
  const saved: FidelityReport[] = [];
  const stop = new AbortController();
  let calls = 0;
  const stopping: PairwiseJudge = { name: 'j', prefer: async () => (++calls === 7 && stop.abort(), 0.6) };
  await expect(runFidelity({ id: 'r', history, predictors: [labelled], pairwise: { judge: stopping, predictor: 'engine' }, maxItems: 20, now: () => 1, checkpoint: async (r) => void saved.push(structuredClone(r)), signal: stop.signal })).rejects.toThrow();
  const asked: string[] = [];
  const resumed = await runFidelity({ id: 'r', history, predictors: [labelled], pairwise: { judge: judge(asked), predictor: 'engine' }, maxItems: 20, now: () => 1, resume: saved.at(-1)! });
  expect(asked).toHaveLength(40 - 7);
  expect(resumed.pairwise!.rows[0]!.preferred.value).toBeCloseTo((7 * 0.6 + 13 * 0.75) / 20, 12);
});

test('a judge that fails makes the pairwise rows unavailable with its sentence; the rest of the report stands', async () => {
  const failing: PairwiseJudge = { name: 'engine', prefer: async () => { throw new DoppelError('engine_unavailable', 'No model is loaded.'); } };
  const report = await runFidelity({ id: 'r', history, predictors: [labelled], pairwise: { judge: failing, predictor: 'engine' }, maxItems: 20, now: () => 1 });
  expect(report.pairwise).toMatchObject({ status: 'unavailable', reason: 'No model is loaded. (engine_unavailable)', rows: [] });
  expect(report.tasks.find((t) => t.task === 'style')!.status).toBe('ok');
  expect(formatReport(report)).toContain('Pairwise judge (engine, on engine drafts): unavailable. No model is loaded. (engine_unavailable)');
});

test('no drafts to judge: the row says why and the judge is never asked', async () => {
  const asked: string[] = [];
  const report = await runFidelity({ id: 'r', history, predictors: [{ ...labelled, name: 'other' }], pairwise: { judge: judge(asked), predictor: 'engine' }, maxItems: 20, now: () => 1 });
  expect(asked).toEqual([]);
  expect(report.pairwise).toMatchObject({ status: 'unavailable', reason: 'There are no engine drafts to judge.' });
});
