import type { Page } from 'playwright-core';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { expectNoLeaks, launchDoppel, type Doppel } from './harness';
import { allRecordsIn, stopServiceWorker } from './helpers';

/**
 * Captures feed the persona live: after one rebuild, what the user writes shows in the persona's
 * measured layer (counts, style card) within seconds, with no rebuild, also after the service
 * worker was stopped in between.
 */
let doppel: Doppel;
beforeEach(async () => {
  doppel = await launchDoppel();
});
afterEach(async () => {
  await doppel.close();
});

interface View { persona: { id: string; version: number; basis: { writings: number }; style: { samples: number; greetings: string[] } } | null; rebuild: { status: string } | null }
const view = (page: Page) => page.evaluate(() => chrome.runtime.sendMessage({ method: 'persona.get', params: {}, to: 'background' })).then((r: { value: View }) => r.value);

const visits = async (extensionPage: Page) => (await allRecordsIn<{ url: string; visitCount: number }>(extensionPage, 'pages')).find((p) => p.url === doppel.server.url('comments.html'))?.visitCount ?? 0;

/**
 * The content script listens for sends only once the background said yes, and after a
 * service-worker stop that answer waits for the worker to start; this visit being stored shows it
 * came (the listeners are attached before the page is read).
 */
const reply = async (extensionPage: Page, text: string) => {
  const before = await visits(extensionPage);
  const page = await doppel.context.newPage();
  await page.goto(doppel.server.url('comments.html'));
  await expect.poll(() => visits(extensionPage), { timeout: 20_000 }).toBeGreaterThan(before);
  await page.locator('#reply-c1 textarea').fill(text);
  await page.locator('#reply-c1 button').click();
  return page;
};

test('after a rebuild, a reply the user sends is in the persona within seconds, without a rebuild, across a service-worker stop', async () => {
  const options = await doppel.page('options/index.html#persona');
  await reply(options, 'Hi all, the pier lights are out again. Cheers, Ana');
  await expect.poll(async () => (await allRecordsIn(options, 'writings')).length).toBe(1);

  await options.evaluate(() => chrome.runtime.sendMessage({ method: 'persona.rebuild', params: {}, to: 'background' }));
  await expect.poll(async () => (await view(options)).rebuild?.status, { timeout: 60_000 }).toBe('done');
  const built = (await view(options)).persona!;
  expect(built.basis.writings).toBe(1);

  await reply(options, 'Hi everyone, the ferry timetable changed on Monday. Cheers, Ana');
  await expect.poll(async () => (await view(options)).persona?.basis.writings, { timeout: 15_000 }).toBe(2);
  const live = (await view(options)).persona!;
  expect(live.id).toBe(built.id);
  expect(live.version).toBe(built.version);
  expect(live.style.samples).toBe(2);

  // The worker's counts in memory are gone; the next capture goes on from the saved ones.
  await expect.poll(async () => (await allRecordsIn<{ id: string }>(options, 'pipelines')).some((r) => r.id === 'persona-live'), { timeout: 15_000 }).toBe(true);
  await stopServiceWorker(doppel, options);
  await reply(options, 'Hi all, thanks for fixing the lights so quickly. Cheers, Ana');
  await expect.poll(async () => (await view(options)).persona?.basis.writings, { timeout: 15_000 }).toBe(3);
  const after = (await view(options)).persona!;
  expect(after.version).toBe(built.version);
  expect(after.style.samples).toBe(3);
  expect(after.style.greetings.map((g) => g.toLowerCase())).toContain('hi');

  // What the user sees in Options → Persona, with no rebuild since the first.
  await options.reload();
  const persona = options.getByTestId('persona');
  await expect.poll(() => persona.getAttribute('data-version')).toBe(String(built.version));
  expect(await persona.getByRole('row', { name: /writings measured/i }).textContent()).toMatch(/measured3 \(/);
  expect(await options.getByTestId('persona-live').textContent()).toContain('within seconds');
  expectNoLeaks(doppel);
});
