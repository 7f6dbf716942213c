import { afterAll, beforeAll, expect, test } from 'vitest';
import { syntheticHistory } from '../../src/core/synthetic/history';
import { expectNoLeaks, launchDoppel, type Doppel } from './harness';

/**
 * Options → History on a long history: every page is in the list (not the newest 200), only the
 * rows in view are in the DOM, and the keyboard reaches the oldest page, fetched when scrolled to.
 */
/** About this many: the generator draws each record's kind. */
const PAGES = 6000;
let doppel: Doppel;
beforeAll(async () => {
  doppel = await launchDoppel();
});
afterAll(async () => {
  await doppel.close();
});

test(`History lists all of ~${PAGES} pages, renders only what is visible, and the keyboard reaches the oldest`, async () => {
  const { pages } = syntheticHistory(PAGES * 2, { seed: 7, pageShare: 0.5, writingShare: 0.25 });
  const stored = pages.slice(0, PAGES).map((p) => ({ ...p, text: p.text.slice(0, 300) }));
  const options = await doppel.page('options/index.html#model');
  // Through the import path, in batches, as Options → Data imports a file.
  await options.evaluate(async (records) => {
    const key = 'history-list-test:1:1';
    for (let from = 0; from < records.length; from += 1000) {
      const items = records.slice(from, from + 1000).map((value, i) => ({ kind: 'pages', value, index: from + i }));
      const answer = await chrome.runtime.sendMessage({ method: 'data.importBatch', params: { key, from, items }, to: 'background' });
      if (!answer.ok) throw new Error(answer.error.message);
    }
    await chrome.runtime.sendMessage({ method: 'data.importFinish', params: { key }, to: 'background' });
  }, stored);
  const byTime = [...stored].sort((a, b) => b.lastVisit - a.lastVisit);
  const n = stored.length;
  expect(n).toBeGreaterThan(5000);

  await options.goto(`chrome-extension://${doppel.extensionId}/options/index.html#history`);
  const list = options.getByTestId('history-table');
  await expect.poll(() => options.getByTestId('history-count').textContent()).toContain(n.toLocaleString('en-US'));
  await expect.poll(() => list.textContent()).toContain(byTime[0]!.title);
  const rows = list.getByRole('listitem');
  expect(await rows.count()).toBeLessThan(40);
  expect(await rows.first().getAttribute('aria-setsize')).toBe(String(n));
  expect(await list.textContent()).not.toContain(byTime[n - 1]!.title);

  // Keyboard only: Tab to the list, End to its bottom.
  await options.getByTestId('history-count').click();
  for (let i = 0; i < 10 && !(await list.evaluate((el) => el === document.activeElement)); i++) await options.keyboard.press('Tab');
  expect(await list.evaluate((el) => el === document.activeElement)).toBe(true);
  await options.keyboard.press('End');
  await expect.poll(() => list.textContent(), { timeout: 10_000 }).toContain(byTime[n - 1]!.title);
  expect(await rows.count()).toBeLessThan(40);
  expect(await rows.last().getAttribute('aria-posinset')).toBe(String(n));
  await options.keyboard.press('Home');
  await expect.poll(() => list.textContent()).toContain(byTime[0]!.title);
  expectNoLeaks(doppel);
});
