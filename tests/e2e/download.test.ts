import { statSync } from 'node:fs';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { expectNoLeaks, HAS_MODEL, launchDoppel, MODEL_SKIP_REASON, STORIES_MODEL, type Doppel } from './harness';
import { callHost } from './helpers';

let doppel: Doppel;
beforeEach(async () => {
  doppel = await launchDoppel();
});
afterEach(async () => {
  await doppel.close();
});

const label = HAS_MODEL ? 'stories260K' : MODEL_SKIP_REASON;
const SIZE = HAS_MODEL ? statSync(STORIES_MODEL).size : 0;
const partUrl = (query: string) => doppel.server.url(`parts/stories260K.gguf${query}`);
const rangesFor = (path: string) => doppel.server.received.filter((r) => r.path === path && r.range).map((r) => Number(/bytes=(\d+)/.exec(r.range!)![1]));

const openModelOptions = async () => {
  const options = await doppel.page('options/index.html#model');
  await options.getByTestId('model-catalog').waitFor({ timeout: 30_000 });
  return options;
};

const enterUrl = async (options: Awaited<ReturnType<typeof openModelOptions>>, url: string) => {
  await options.getByTestId('gguf-url').fill(url);
  await options.getByRole('button', { name: 'Check size' }).click();
};

test.skipIf(!HAS_MODEL)(`a GGUF download shows its size first, survives the server failing midway, resumes from the stored parts, and the model runs (${label})`, async () => {
  const options = await openModelOptions();
  const url = partUrl('?failAt=6');
  await enterUrl(options, url);
  await expect.poll(() => options.getByTestId('download-size').textContent()).toContain(`${(SIZE / 2 ** 20).toFixed(1)} MB`);
  await options.getByTestId('download-size').getByRole('button', { name: /^Download \d/ }).click();
  const item = options.locator(`[data-testid=download-list] li[data-url="${url}"]`);
  await item.and(options.locator('[data-phase=interrupted]')).waitFor({ timeout: 30_000 });
  expect(await item.getByTestId('download-text').textContent()).toMatch(/stopped at .* MB of .* MB.*Resume/);
  const before = rangesFor('/parts/stories260K.gguf');
  await item.getByRole('button', { name: 'Resume' }).click();
  await item.and(options.locator('[data-phase=done]')).waitFor({ timeout: 30_000 });
  const after = rangesFor('/parts/stories260K.gguf').slice(before.length);
  // The resumed download asked only for parts it did not have: nothing before the failure point again.
  const failedAt = before.at(-1)!;
  expect(Math.min(...after)).toBe(failedAt);
  expect(new Set(after).size).toBe(after.length);
  await options.getByTestId('model-list').getByText('stories260K').waitFor();
  await options.locator('[data-testid=engine-summary][data-engine=wllama]').getByText('stories260K').waitFor({ timeout: 30_000 });
  // The downloaded file is byte-for-byte a working model: the CPU engine generates from it.
  const reply = await callHost<{ usage: { completionTokens: number } }>(doppel, 'host.complete', { messages: [{ role: 'user', content: 'Once upon a time' }], maxTokens: 24, temperature: 0 });
  if (!reply.ok) throw new Error(reply.error.message);
  expect(reply.value.usage.completionTokens).toBeGreaterThan(5);
  expect(await options.evaluate(async () => (await caches.open('doppel-model-parts')).keys().then((k) => k.length))).toBe(0);
  expectNoLeaks(doppel);
});

test.skipIf(!HAS_MODEL)(`a download interrupted by the engine host closing (as in a browser restart) resumes where it stopped (${label})`, async () => {
  const options = await openModelOptions();
  const url = partUrl('?delay=150');
  await enterUrl(options, url);
  await options.getByTestId('download-size').getByRole('button', { name: /^Download \d/ }).click();
  const item = options.locator(`[data-testid=download-list] li[data-url="${url}"]`);
  await expect.poll(async () => rangesFor('/parts/stories260K.gguf').length, { timeout: 20_000 }).toBeGreaterThan(4);
  await doppel.inWorker(() => chrome.offscreen.closeDocument(), undefined);
  const stoppedAt = rangesFor('/parts/stories260K.gguf').length;
  await options.reload();
  await item.and(options.locator('[data-phase=interrupted]')).waitFor({ timeout: 30_000 });
  expect(await item.getByTestId('download-text').textContent()).toMatch(/downloaded before Doppel stopped/);
  await item.getByRole('button', { name: 'Resume' }).click();
  await item.and(options.locator('[data-phase=done]')).waitFor({ timeout: 60_000 });
  const resumed = rangesFor('/parts/stories260K.gguf').slice(stoppedAt);
  expect(Math.min(...resumed)).toBeGreaterThan(0);
  await options.getByTestId('model-list').getByText('stories260K').waitFor();
  expectNoLeaks(doppel);
});

test.skipIf(!HAS_MODEL)(`cancel stops a download and deletes what it stored (${label})`, async () => {
  const options = await openModelOptions();
  const url = partUrl('?delay=150');
  await enterUrl(options, url);
  await options.getByTestId('download-size').getByRole('button', { name: /^Download \d/ }).click();
  const item = options.locator(`[data-testid=download-list] li[data-url="${url}"]`);
  // Progress in megabytes of the total, with the time left at the current speed.
  await expect.poll(async () => (await item.getByTestId('download-text').textContent()) ?? '', { timeout: 20_000 }).toMatch(/^0\.[1-9] MB of \d\.\d MB — about \d+ s left$/);
  await item.getByRole('button', { name: 'Cancel' }).click();
  await item.and(options.locator('[data-phase=cancelled]')).waitFor({ timeout: 10_000 });
  const requests = rangesFor('/parts/stories260K.gguf').length;
  await new Promise((r) => setTimeout(r, 600));
  expect(rangesFor('/parts/stories260K.gguf').length).toBe(requests);
  expect(await options.evaluate(async () => (await caches.open('doppel-model-parts')).keys().then((k) => k.length))).toBe(0);
  expect(await options.getByTestId('model-list').count()).toBe(0);
  expectNoLeaks(doppel);
});

test.skipIf(!HAS_MODEL)(`a model bigger than the storage quota is refused before anything is downloaded, with numbers (${label})`, async () => {
  const options = await openModelOptions();
  await enterUrl(options, partUrl(`?declare=${2 ** 50}`));
  await options.getByTestId('download-size').getByRole('button', { name: /^Download \d/ }).click();
  await expect.poll(() => options.getByTestId('download-error').textContent()).toMatch(/needs \d+ MB of storage, but only \d+ MB is available to Doppel\. Free disk space/);
  // Only the one-byte size probes reached the server.
  expect(doppel.server.received.filter((r) => r.path === '/parts/stories260K.gguf').every((r) => r.range === 'bytes=0-0')).toBe(true);
  expect(await options.getByTestId('storage-estimate').textContent()).toMatch(/Doppel uses .* ([kMG]B|byte) of storage; up to .* [kMGT]B/);
  expectNoLeaks(doppel);
});
