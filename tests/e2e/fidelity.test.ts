import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { expectNoLeaks, HAS_MODEL, launchDoppel, MODEL_SKIP_REASON, type Doppel } from './harness';
import { addStoriesModel, allRecords } from './helpers';

const FIXTURE = JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/fidelity-export.json'), 'utf8'));

let doppel: Doppel;
beforeEach(async () => {
  doppel = await launchDoppel();
});
afterEach(async () => {
  await doppel.close();
});

/** Writes the fixture history into Doppel's IndexedDB from the service worker, as an import would. */
const seedHistory = (d: Doppel) =>
  d.inWorker(
    (data) =>
      new Promise<void>((done, reject) => {
        const open = indexedDB.open('doppel');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const stores = ['pages', 'writings', 'reactions', 'personas'] as const;
          const tx = open.result.transaction([...stores], 'readwrite');
          for (const store of stores) for (const record of data[store]) tx.objectStore(store).put(record);
          tx.oncomplete = () => (open.result.close(), done());
          tx.onerror = () => reject(tx.error);
        };
      }),
    FIXTURE as Record<'pages' | 'writings' | 'reactions' | 'personas', unknown[]>,
  );

test.skipIf(!HAS_MODEL)(`Options → Fidelity runs the report with the CPU engine on a fixture history and renders its plots (${HAS_MODEL ? 'stories260K' : MODEL_SKIP_REASON})`, async () => {
  const options = await addStoriesModel(doppel);
  await seedHistory(doppel);
  await options.goto(`chrome-extension://${doppel.extensionId}/options/index.html#fidelity`);
  await options.getByTestId('fidelity-run').click();
  const report = options.locator('[data-testid=fidelity-report][data-status=done]');
  // Rolling origin: each of the newest items is drafted twice by the engine, with a persona built from what came before it.
  await report.waitFor({ timeout: 360_000 });

  // The engine drafted every held-out item twice (with and without persona), and the drafts were scored.
  const engineStyle = report.locator('[data-testid=fidelity-task][data-predictor=engine][data-task=style]');
  expect(await engineStyle.getAttribute('data-status')).toBe('ok');
  expect(await engineStyle.locator('[data-testid=metric-bar][data-arm=persona]').count()).toBe(6);
  expect(await engineStyle.locator('[data-testid=metric-bar][data-arm=baseline]').count()).toBe(6);

  // Reaction rows from the engine: scored once the engine can score options, otherwise they say why not.
  const engineReaction = report.locator('[data-testid=fidelity-task][data-predictor=engine][data-task=reaction]');
  const status = await engineReaction.getAttribute('data-status');
  if (status === 'ok') expect(await engineReaction.getByTestId('reliability-diagram').count()).toBe(1);
  else expect(await engineReaction.getByTestId('task-reason').textContent()).toMatch(/^Not measured: .+\((engine_unavailable|\w+)\)$/);

  // The deterministic reaction predictor is always there: bars with intervals and a reliability diagram.
  const frequency = report.locator('[data-testid=fidelity-task][data-predictor=history-frequency][data-task=reaction]');
  expect(await frequency.getAttribute('data-status')).toBe('ok');
  expect(await frequency.locator('[data-testid=metric-bar]').count()).toBe(10);
  expect(await frequency.locator('[data-testid=metric-interval]').count()).toBeGreaterThan(0);
  expect(await frequency.locator('[data-testid=reliability-bar]').count()).toBeGreaterThan(0);
  // 33 scroll depths: rolling origin scores the newest 23 (each from at least 10 before it), where a 20% hold-out had only 7.
  expect(await report.locator('[data-testid=fidelity-task][data-task=numeric]').first().getAttribute('data-status')).toBe('ok');
  expect(await report.getByTestId('fidelity-faithfulness').textContent()).toContain('3 of 5 claims');

  // The report and its checkpointed predictions are in the reports store.
  const [stored] = await allRecords<{ status: string; predictions: Record<string, unknown>; tasks: { predictor: string; task: string; n: number }[] }>(doppel, 'reports');
  expect(stored!.status).toBe('done');
  const styleItems = stored!.tasks.find((t) => t.predictor === 'engine' && t.task === 'style')!.n;
  expect(styleItems).toBeGreaterThanOrEqual(20);
  expect(Object.keys(stored!.predictions).filter((k) => k.startsWith('engine/style/')).length).toBe(2 * styleItems);
  expectNoLeaks(doppel, [FIXTURE.writings[100].text, FIXTURE.pages[0].text]);
}, 420_000);
