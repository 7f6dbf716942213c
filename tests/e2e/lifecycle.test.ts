import type { Page } from 'playwright-core';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { expectNoLeaks, HAS_MODEL, launchDoppel, MODEL_SKIP_REASON, type Doppel } from './harness';
import { addStoriesModel, engineStatus, jobById, putJob, stopServiceWorker, tokenCount } from './helpers';

let doppel: Doppel;
beforeEach(async () => {
  doppel = await launchDoppel();
});
afterEach(async () => {
  await doppel.close();
});

const label = HAS_MODEL ? 'stories260K' : MODEL_SKIP_REASON;
// Long enough (a few seconds on one thread) that the test can act while it streams.
const LONG = 1800;

/** Reads a job from an extension page: the old service worker is gone, so the test cannot use it. */
const jobIn = (page: Page, id: string) =>
  page.evaluate(
    (id) =>
      new Promise<{ status: string; tokens: number } | undefined>((resolve, reject) => {
        const open = indexedDB.open('doppel');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('jobs').objectStore('jobs').get(id);
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result);
          };
        };
      }),
    id,
  );

const openPanel = (d: Doppel, jobId: string) => d.page(`panel/index.html?job=${jobId}`);
const phase = (panel: Awaited<ReturnType<typeof openPanel>>) => panel.getByTestId('job-phase').getAttribute('data-phase');

test.skipIf(!HAS_MODEL)(`the service worker killed over CDP mid-generation: the job still finishes, and Doppel answers again (${label})`, async () => {
  const options = await addStoriesModel(doppel);
  await putJob(doppel, { id: 'sw-kill', maxTokens: LONG, prompt: 'Once upon a time' });
  const panel = await openPanel(doppel, 'sw-kill');
  await panel.locator('[data-testid=job-phase][data-phase=streaming]').waitFor({ timeout: 30_000 });
  await stopServiceWorker(doppel, options);
  // The service worker is gone; the engine host is not, so the job goes on and the panel keeps streaming.
  const tokensAtKill = await tokenCount(panel);
  expect((await jobIn(panel, 'sw-kill'))?.status).toBe('running');
  await panel.locator('[data-testid=job-phase][data-phase=done]').waitFor({ timeout: 60_000 });
  const job = await jobIn(panel, 'sw-kill');
  expect(job?.status).toBe('done');
  expect(job?.tokens).toBeGreaterThan(tokensAtKill);
  expect(await tokenCount(panel)).toBe(job?.tokens);
  // A request after the kill wakes a fresh service worker, which reaches the same engine host.
  const status = await options.evaluate(async () => (await chrome.runtime.sendMessage({ method: 'engine.status', params: {}, to: 'background' })).value as { engine: string; state: string });
  expect(status).toMatchObject({ engine: 'wllama', state: 'idle' });
  expectNoLeaks(doppel);
});

test.skipIf(!HAS_MODEL)(`closing the panel mid-stream interrupts its generation (${label})`, async () => {
  await addStoriesModel(doppel);
  await putJob(doppel, { id: 'panel-close', maxTokens: LONG, prompt: 'Once upon a time' });
  const panel = await openPanel(doppel, 'panel-close');
  await panel.locator('[data-testid=job-phase][data-phase=streaming]').waitFor({ timeout: 30_000 });
  await expect.poll(() => tokenCount(panel), { interval: 5, timeout: 15_000 }).toBeGreaterThan(0);
  await panel.close();
  await expect.poll(async () => (await engineStatus(doppel)).state, { timeout: 10_000 }).toBe('idle');
  const job = await jobById(doppel, 'panel-close');
  expect(job?.status).toBe('interrupted');
  expect(job?.tokens).toBeGreaterThan(0);
  expect(job?.tokens).toBeLessThan(LONG - 1);
  expectNoLeaks(doppel);
});

test.skipIf(!HAS_MODEL)(`two requests at once are queued, not lost: both finish, one after the other (${label})`, async () => {
  await addStoriesModel(doppel);
  await putJob(doppel, { id: 'first', maxTokens: LONG, prompt: 'Once upon a time' });
  await putJob(doppel, { id: 'second', maxTokens: 200, prompt: 'The little dog' });
  const [first, second] = await Promise.all([openPanel(doppel, 'first'), openPanel(doppel, 'second')]);
  // Whichever reached the engine second waits its turn, and says so.
  await expect.poll(async () => [await phase(first), await phase(second)].includes('queued'), { interval: 20, timeout: 30_000 }).toBe(true);
  await first.locator('[data-testid=job-phase][data-phase=done]').waitFor({ timeout: 60_000 });
  await second.locator('[data-testid=job-phase][data-phase=done]').waitFor({ timeout: 60_000 });
  for (const id of ['first', 'second']) {
    const job = await jobById(doppel, id);
    expect(job?.status).toBe('done');
    expect(job?.tokens).toBeGreaterThan(10);
  }
  expect((await engineStatus(doppel)).queued).toBe(0);
  expectNoLeaks(doppel);
});

test('the retention alarm is there again after a service-worker restart, even when the browser lost it', async () => {
  const alarm = () => doppel.inWorker(() => chrome.alarms.get('doppel:retention').then((a) => a?.periodInMinutes ?? null), undefined);
  await expect.poll(alarm, { timeout: 10_000 }).toBe(60);
  await doppel.inWorker(() => chrome.alarms.clear('doppel:retention'), undefined);
  expect(await alarm()).toBe(null);
  const options = await doppel.page('options/index.html');
  await stopServiceWorker(doppel, options);
  // Any message wakes a fresh service worker; it re-creates the alarm at start.
  await options.evaluate(() => chrome.runtime.sendMessage({ method: 'engine.status', params: {}, to: 'background' }));
  await expect.poll(alarm, { timeout: 10_000 }).toBe(60);
  expectNoLeaks(doppel);
});
