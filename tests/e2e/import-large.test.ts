import { setSettings } from './helpers';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { syntheticHistory, topicWords } from '../../src/core/synthetic/history';
import { expectNoLeaks, launchDoppel, type Doppel } from './harness';
import { writeExportFile } from './synthetic-export';

/**
 * A lifetime of history: a 50k-record export (pages 2–30 KB, ~450 MB) imported through
 * Options → Data shows progress and finishes; then a reaction prediction draws evidence from the
 * oldest month, which the old newest-400/300/200 window could never reach.
 */
const RECORDS = Number(process.env.DOPPEL_IMPORT_RECORDS ?? 50_000);
const SEED = 13;
const MONTH = 30 * 24 * 3600 * 1000;

let doppel: Doppel;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'doppel-import-'));
  doppel = await launchDoppel();
});
afterAll(async () => {
  await doppel.close();
  rmSync(dir, { recursive: true, force: true });
});

test(`importing a ${RECORDS}-record export shows progress and finishes; a reaction's evidence reaches the oldest month`, { timeout: 1_200_000 }, async () => {
  const history = syntheticHistory(RECORDS, { seed: SEED });
  const file = join(dir, 'doppel-export-large.json');
  const bytes = writeExportFile(file, history);
  const all = [...history.pages.map((p) => ({ id: p.id, at: p.lastVisit })), ...history.writings.map((w) => ({ id: w.id, at: w.createdAt })), ...history.reactions.map((r) => ({ id: r.id, at: r.at }))];
  const oldest = Math.min(...all.map((r) => r.at));
  const inOldestMonth = new Set(all.filter((r) => r.at < oldest + MONTH).map((r) => r.id));
  const newestWindow = new Set([...history.writings.slice(-400), ...history.pages.slice(-300), ...history.reactions.slice(-200)].map((r) => r.id));
  expect([...inOldestMonth].some((id) => newestWindow.has(id))).toBe(false);

  // A user bringing a 400 MB history raises the storage cap first (Options → Data); at the default 200 MB
  // the retention sweep would rightly delete the oldest records the import just stored.
  await setSettings(doppel, { 'retention.megabytes': 100_000, 'retention.days': 100_000 });
  const options = await doppel.page('options/index.html#data');
  const started = Date.now();
  await options.getByTestId('import-data').setInputFiles(file);
  await options.getByTestId('data-progress').locator('progress').waitFor({ timeout: 60_000 });
  const midway = Number(await options.getByTestId('data-progress').locator('progress').getAttribute('value'));
  await expect.poll(() => options.getByTestId('data-status').textContent(), { timeout: 1_100_000, interval: 2000 }).toContain('Imported');
  const seconds = (Date.now() - started) / 1000;
  console.log(`imported ${RECORDS} records, ${(bytes / 2 ** 20).toFixed(0)} MiB, in ${seconds.toFixed(1)} s (progress seen at ${midway} of ${bytes} bytes)`);
  expect(await options.getByTestId('data-status').textContent()).toContain(`${history.pages.length} pages, ${history.writings.length} writings and ${history.reactions.length} reactions`);

  // A reaction prediction about the oldest month's topic, as the popup asks for one on a selection.
  const text = `${topicWords(SEED, 0).slice(0, 8).join(' ')}: what do you make of this?`;
  const jobStarted = Date.now();
  const evidence = await options.evaluate(async (text) => {
    const created = await chrome.runtime.sendMessage({ method: 'jobs.create', params: { kind: 'react', text }, to: 'background' });
    if (!created.ok) throw new Error(created.error.message);
    const job = await chrome.runtime.sendMessage({ method: 'jobs.get', params: { jobId: created.value.jobId }, to: 'background' });
    return (job.value.evidence as { id: string }[]).map((e) => e.id);
  }, text);
  console.log(`reaction job with whole-history evidence created in ${((Date.now() - jobStarted) / 1000).toFixed(1)} s (includes loading the index once)`);
  expect(evidence.length).toBeGreaterThan(0);
  expect(evidence.filter((id) => inOldestMonth.has(id)).length).toBeGreaterThan(0);
  expectNoLeaks(doppel);
});
