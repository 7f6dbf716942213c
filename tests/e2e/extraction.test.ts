import { afterAll, beforeAll, expect, test } from 'vitest';
import { expectNoLeaks, launchDoppel, type Doppel } from './harness';
import { allRecords } from './helpers';
import { expectedText, HAS_READABILITY_PAGES, IN_PAGE_PARSE, servedSource, tokenF1 } from './readability-pages';

/**
 * Real pages (Mozilla Readability's test corpus): the text Doppel stores, parsed off the page in
 * the engine host, matches the article Readability is expected to extract, and is as good as the
 * in-page parse the content script used to run.
 */
const PAGES = ['wikipedia', 'nytimes-1', 'guardian-1', 'medium-1', 'lemonde-1', 'salon-1', 'mozilla-1', 'bbc-1', 'wapo-1'];
/** Mean token F1 over these pages, measured (see the bench for all 130); a regression fails here. */
const MIN_MEAN_F1 = 0.9;

let doppel: Doppel;
beforeAll(async () => {
  doppel = await launchDoppel();
});
afterAll(async () => {
  await doppel.close();
});

test.skipIf(!HAS_READABILITY_PAGES)('real pages: stored text matches the expected article, and nothing is lost by parsing off the page', async () => {
  const rows: { page: string; stored: number; inPage: number }[] = [];
  for (const name of PAGES) {
    doppel.server.serve(`real/${name}.html`, servedSource(name));
    const url = doppel.server.url(`real/${name}.html`);
    const tab = await doppel.context.newPage();
    await tab.goto(url);
    await expect.poll(async () => (await allRecords<{ url: string }>(doppel, 'pages')).some((p) => p.url === url), { timeout: 20_000, message: `${name} was not stored` }).toBe(true);
    const stored = (await allRecords<{ url: string; text: string }>(doppel, 'pages')).find((p) => p.url === url)!;
    const inPage = (await tab.evaluate(IN_PAGE_PARSE)) as { text: string };
    const want = expectedText(name);
    rows.push({ page: name, stored: tokenF1(stored.text, want), inPage: tokenF1(inPage.text.slice(0, stored.text.length + 2000), want) });
    await tab.close();
  }
  console.table(rows.map((r) => ({ ...r, stored: r.stored.toFixed(3), inPage: r.inPage.toFixed(3) })));
  for (const row of rows) expect(row.stored, row.page).toBeGreaterThanOrEqual(row.inPage - 0.01);
  expect(rows.reduce((s, r) => s + r.stored, 0) / rows.length).toBeGreaterThanOrEqual(MIN_MEAN_F1);
  expectNoLeaks(doppel);
});
