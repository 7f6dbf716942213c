import { afterEach, beforeEach, expect, test } from 'vitest';
import { expectNoLeaks, HAS_MODEL, launchDoppel, MODEL_SKIP_REASON, type Doppel } from './harness';
import { addStoriesModel, allRecords, clickContextMenu, engineStatus, tabIdOf, tokenCount, waitCaptured } from './helpers';

let doppel: Doppel;
beforeEach(async () => {
  doppel = await launchDoppel();
});
afterEach(async () => {
  await doppel.close();
});

const SELECTION = 'Once upon a time there was a little girl who loved the sea.';

test.skipIf(!HAS_MODEL)(`"Draft a reply in my style" streams real tokens from the CPU engine into the panel (${HAS_MODEL ? 'stories260K' : MODEL_SKIP_REASON})`, async () => {
  await addStoriesModel(doppel);
  const article = await doppel.context.newPage();
  await article.goto(doppel.server.url('article-two.html'));
  const panelOpened = doppel.context.waitForEvent('page', { predicate: (p) => p.url().includes('/panel/index.html') });
  await clickContextMenu(doppel, 'doppel-draft-reply', article.url(), SELECTION);
  const panel = await panelOpened;
  await panel.locator('[data-testid=job-phase][data-phase=done]').waitFor({ timeout: 60_000 });
  expect(await tokenCount(panel)).toBeGreaterThan(5);
  expect((await panel.getByTestId('draft-text').inputValue()).trim().length).toBeGreaterThan(10);
  expectNoLeaks(doppel, [SELECTION, 'starter had been sulking']);
});

const jobRecord = async (d: Doppel, jobId: string) =>
  (await allRecords<{ id: string; status: string; tokens: number; maxTokens: number }>(d, 'jobs')).find((job) => job.id === jobId)!;

test.skipIf(!HAS_MODEL)('closing the popup mid-stream interrupts the generation and the engine goes idle', async () => {
  await addStoriesModel(doppel);
  const article = await doppel.context.newPage();
  await article.goto(doppel.server.url('article-one.html'));
  const tabId = await tabIdOf(doppel, article.url());
  await waitCaptured(doppel, article.url());
  const popup = await doppel.page(`popup/index.html?tabId=${tabId}`);
  await popup.locator('[data-testid=page-status] [data-captured=true]').waitFor();
  await popup.getByRole('button', { name: 'How would I react?' }).click();
  await popup.locator('[data-testid=job-phase][data-phase=streaming]').waitFor({ timeout: 30_000 });
  await expect.poll(() => tokenCount(popup), { interval: 5, timeout: 30_000 }).toBeGreaterThan(0);
  const jobId = await popup.evaluate(() => document.querySelector('[data-job-id]')?.getAttribute('data-job-id'));
  await popup.close();
  await expect.poll(async () => (await engineStatus(doppel)).state, { timeout: 10_000 }).toBe('idle');
  const job = await jobRecord(doppel, jobId!);
  expect(job.status).toBe('interrupted');
  expect(job.tokens).toBeGreaterThan(0);
  expect(job.tokens).toBeLessThan(job.maxTokens - 1);
  expectNoLeaks(doppel, ['Pentland Firth']);
});
