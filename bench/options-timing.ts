import type { Page } from 'playwright-core';
import type { Doppel } from '../tests/e2e/harness';

/**
 * Milliseconds from a keystroke in the search box until the list shows its answer, laid out: the
 * input handler, the search, preact's render (a microtask, so done before the next task) and a
 * forced style and layout. Waiting for the shown count to change instead reads 2 s (the wait's
 * limit) whenever a keystroke leaves the count as it was, e.g. a second word every hit also has.
 */
export const searchLatency = (page: Page, query: string) =>
  page.evaluate(
    (query) =>
      new Promise<number>((resolve) => {
        const input = document.querySelector<HTMLInputElement>('[data-testid=data-search]')!;
        const list = document.querySelector<HTMLElement>('[data-testid=data-table]')!;
        const start = performance.now();
        input.value = query;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        setTimeout(() => {
          void list.getBoundingClientRect();
          resolve(performance.now() - start);
        }, 0);
      }),
    query,
  );

/**
 * Options → History on `pages` pages: time until the first rows are filled, how many rows are in
 * the DOM, and time from jumping to the bottom until the oldest page's row is filled.
 */
export const historyTiming = async (doppel: Doppel, pages: number) => {
  const page = await doppel.page('options/index.html#history');
  try {
    const start = Date.now();
    await page.getByTestId('history-count').waitFor({ timeout: 120_000 });
    await page.locator('[data-testid=history-table] [aria-posinset="1"] .history-title').waitFor({ timeout: 120_000 });
    const shown = Date.now() - start;
    // The list's own length: a history bench has captured pages of its own on top of the seeded ones.
    const listed = Number(await page.locator('[data-testid=history-table] [role=listitem]').first().getAttribute('aria-setsize')) || pages;
    const jumpMs = await page.evaluate(
      (n) =>
        new Promise<number>((resolve) => {
          const list = document.querySelector<HTMLElement>('[data-testid=history-table]')!;
          const begin = performance.now();
          list.scrollTop = list.scrollHeight;
          // NaN rather than a run that never ends, should the oldest row never show.
          const check = () => (list.querySelector(`[aria-posinset="${n}"] .history-title`) ? resolve(performance.now() - begin) : performance.now() - begin > 30_000 ? resolve(Number.NaN) : requestAnimationFrame(check));
          requestAnimationFrame(check);
        }),
      listed,
    );
    const inDom = await page.evaluate(() => document.querySelectorAll('[data-testid=history-table] [role=listitem]').length);
    return { 'pages listed': listed, 'first rows shown (ms)': shown, 'rows in the DOM': inDom, 'jump to the oldest, row shown (ms)': Number(jumpMs.toFixed(1)) };
  } finally {
    await page.close();
  }
};
