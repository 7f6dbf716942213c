import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test, vi } from 'vitest';
import { openDoppelDb } from '../../adapters/db/open-db';
import { createReportStore } from '../../adapters/db/report-store';
import type { LlmEngine } from '../../core/engine/port';
import { DoppelError } from '../../core/result';
import { createFidelityRunner } from './fidelity-runner';

// The rolling-origin protocol predicts up to 30 items per task per arm: more than a 5 s default on shared CI cores.
vi.setConfig({ testTimeout: 60_000 });

const usage = { promptTokens: 1, prefilledTokens: 1, completionTokens: 1, decodeTokensPerSecond: 1 };
let generations = 0;
// A test double of the engine: it drafts, but cannot score options (as wllama today).
const engine: LlmEngine = {
  kind: 'wllama',
  modelId: 'double',
  generate: async () => (generations++, { text: 'aye, cheers', finishReason: 'stop', usage }),
  scoreOptions: () => Promise.reject(new DoppelError('engine_unavailable', 'This engine cannot score options yet.')),
  unload: async () => {},
};
const host = { use: <T,>(work: (e: LlmEngine) => Promise<T>) => work(engine) };

const seeded = async () => {
  const db = await openDoppelDb(`fidelity-runner-${Math.random()}`);
  const data = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../tests/fixtures/fidelity-export.json'), 'utf8'));
  for (const store of ['pages', 'writings', 'reactions', 'personas'] as const) for (const record of data[store]) await db.put(store, record);
  return createReportStore(async () => db);
};

test('a run completes: engine drafts are scored, engine reactions say why they are missing', async () => {
  const reports = await seeded();
  const runner = createFidelityRunner({ host, reports, now: () => 5 });
  const { reportId } = await runner.start();
  expect((await runner.start()).reportId).toBe(reportId);
  await runner.whenIdle();
  const report = (await reports.latest())!;
  expect(report).toMatchObject({ id: reportId, status: 'done' });
  const engineRows = report.tasks.filter((t) => t.predictor === 'engine');
  expect(engineRows.find((t) => t.task === 'style')).toMatchObject({ status: 'ok', n: 30 });
  expect(engineRows.find((t) => t.task === 'reaction')).toMatchObject({ status: 'unavailable', reason: 'This engine cannot score options yet. (engine_unavailable)' });
  expect(report.tasks.find((t) => t.predictor === 'history-frequency' && t.task === 'reaction')?.status).toBe('ok');
});

test('an unfinished report is resumed, not restarted', async () => {
  const reports = await seeded();
  const first = createFidelityRunner({ host, reports, now: () => 5 });
  await first.start();
  await first.whenIdle();
  const done = (await reports.latest())!;
  // As if the host died after 30 drafts: keep only those predictions and mark it unfinished.
  const kept = Object.entries(done.predictions).filter(([key]) => key.startsWith('engine/style/')).slice(0, 30);
  await reports.put({ ...done, status: 'running', predictions: Object.fromEntries(kept) });
  generations = 0;
  const second = createFidelityRunner({ host, reports, now: () => 6 });
  expect((await second.start()).reportId).toBe(done.id);
  await second.whenIdle();
  expect(generations).toBe(60 - 30); // 30 rolling-origin items × 2 arms
  expect((await reports.latest())!.status).toBe('done');
});

test('a run can score fewer of the newest items (the command line’s --items), never fewer than 20', async () => {
  const reports = await seeded();
  const runner = createFidelityRunner({ host, reports, now: () => 7 });
  await runner.start(20);
  await runner.whenIdle();
  const report = (await reports.latest())!;
  expect(report.tasks.find((t) => t.predictor === 'engine' && t.task === 'style')).toMatchObject({ status: 'ok', n: 20 });
});

test('with rerank, the report also has what picking the best of several drafts gains over the first', async () => {
  const reports = await seeded();
  const runner = createFidelityRunner({ host, reports, now: () => 8 });
  generations = 0;
  await runner.start(20, { rerank: true });
  await runner.whenIdle();
  const report = (await reports.latest())!;
  expect(report.tasks.find((t) => t.predictor === 'engine-rerank' && t.task === 'style')).toMatchObject({ status: 'ok', n: 20, baselineLabel: 'first draft' });
  // 20 items × 2 arms for the engine row, then 4 drafts per item for the rerank row, shared by its arms.
  expect(generations).toBe(40 + 80);
});

test('with judge, the engine also judges its own drafts pairwise, in the same queue', async () => {
  const reports = await seeded();
  let judged = 0;
  // Always "A" at 0.7: asked both ways round, that is no preference.
  const judging: LlmEngine = { ...engine, scoreOptions: async (request) => ((judged += Number(request.options.join() === 'A,B')), { probabilities: request.options.map((_, i) => (i === 0 ? 0.7 : 0.3 / (request.options.length - 1))), method: 'logprobs', usage }) };
  const runner = createFidelityRunner({ host: { use: (work) => work(judging) }, reports, now: () => 9 });
  await runner.start(20, { judge: true });
  await runner.whenIdle();
  const report = (await reports.latest())!;
  expect(report.pairwise).toMatchObject({ judge: 'engine', predictor: 'engine', status: 'ok' });
  expect(report.pairwise!.rows.map((r) => [r.comparison, r.n, r.preferred.value])).toEqual([
    ['persona-vs-baseline', 20, 0.5],
    ['real-vs-baseline', 20, expect.closeTo(0.5, 12)],
  ]);
  // Both arms draft "aye, cheers": that pair ties unasked; each real reply is asked about both ways round.
  expect(judged).toBe(20 * 2);
});
