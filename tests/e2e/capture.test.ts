import { afterEach, beforeEach, expect, test } from 'vitest';
import { expectNoLeaks, launchDoppel, type Doppel } from './harness';
import { allRecords } from './helpers';

let doppel: Doppel;
beforeEach(async () => {
  doppel = await launchDoppel();
});
afterEach(async () => {
  await doppel.close();
});

const storedPages = (d: Doppel) => allRecords<{ title: string; text: string; url: string }>(d, 'pages');

test('visited pages are stored with their readable text and listed in Options → History', async () => {
  for (const file of ['article-one.html', 'article-two.html']) {
    const page = await doppel.context.newPage();
    await page.goto(doppel.server.url(file));
    await page.waitForTimeout(300);
  }
  await expect.poll(async () => (await storedPages(doppel)).length, { timeout: 15_000 }).toBe(2);
  const pages = await storedPages(doppel);
  const tidal = pages.find((p) => p.title === 'Why tidal power is still waiting');
  expect(tidal?.text).toContain('Pentland Firth');
  // Readability keeps the article and drops the navigation and footer.
  expect(tidal?.text).not.toContain('Harbour Notes');
  expect(pages.find((p) => p.title === 'A slow afternoon with sourdough')?.text).toContain('starter had been sulking');
  expect(tidal?.url).toBe(doppel.server.url('article-one.html'));

  const options = await doppel.page('options/index.html#history');
  const table = options.getByTestId('history-table');
  await expect.poll(() => table.textContent()).toContain('Why tidal power is still waiting');
  expect(await table.textContent()).toContain('A slow afternoon with sourdough');
  expectNoLeaks(doppel, ['Pentland Firth', 'starter had been sulking']);
});

test('an #anchor jump or a query-only change is the same page and the same visit', async () => {
  const url = doppel.server.url('article-one.html');
  const page = await doppel.context.newPage();
  await page.goto(url);
  await expect.poll(async () => (await storedPages(doppel)).length, { timeout: 15_000 }).toBe(1);
  await page.evaluate(() => {
    location.hash = '#section-2';
    history.pushState(null, '', '?tab=comments');
    history.replaceState(null, '', '?tab=comments#c1');
  });
  // The content script re-reads a changed address after 0.8 s and polls it every second.
  await page.waitForTimeout(3000);
  const pages = await allRecords<{ url: string; visitCount: number }>(doppel, 'pages');
  expect(pages.map((p) => [p.url, p.visitCount])).toEqual([[url, 1]]);
  expect(await allRecords(doppel, 'reactions')).toEqual([]);
  expectNoLeaks(doppel);
});
