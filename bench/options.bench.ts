import { describe, test } from 'vitest';
import { syntheticHistory, topicWords } from '../src/core/synthetic/history';
import { launchDoppel } from '../tests/e2e/harness';
import { historyTiming, searchLatency } from './options-timing';
import { quantile } from './stats';

/**
 * Options at 10k and 50k records without the file import and export around it (history.bench.ts
 * does those too, and needs far longer): the seeded synthetic history goes in through
 * data.importBatch, the import's own path, with each page's text cut to 2,000 characters. The
 * Data rows carry at most 200 characters of it and History none, so the list, search and History
 * figures do not depend on the rest. Prints numbers; asserts nothing about time.
 */
const SIZES = (process.env.DOPPEL_BENCH_SIZES ?? '10000,50000').split(',').map(Number);
const BATCH = 1000;
const f = (n: number) => Number(n.toFixed(1));

describe.each(SIZES)('Options with %i records', (size) => {
  test('Data list, search as you type, History', { timeout: 3_600_000 }, async () => {
    const seed = 100 + size;
    const history = syntheticHistory(size, { seed });
    const items = [
      ...history.pages.map((value) => ({ kind: 'pages', value: { ...value, text: value.text.slice(0, 2000) } })),
      ...history.writings.map((value) => ({ kind: 'writings', value })),
      ...history.reactions.map((value) => ({ kind: 'reactions', value })),
    ];
    const doppel = await launchDoppel();
    try {
      const seeder = await doppel.page('options/index.html#model');
      const seedStart = Date.now();
      for (let from = 0; from < items.length; from += BATCH) {
        await seeder.evaluate(
          async ({ from, batch }) => {
            const items = batch.map((item, i) => ({ ...item, index: from + i }));
            const answer = await chrome.runtime.sendMessage({ method: 'data.importBatch', params: { key: 'options-bench:1:1', from, items }, to: 'background' });
            if (!answer.ok) throw new Error(answer.error.message);
          },
          { from, batch: items.slice(from, from + BATCH) },
        );
      }
      await seeder.evaluate(() => chrome.runtime.sendMessage({ method: 'data.importFinish', params: { key: 'options-bench:1:1' }, to: 'background' }));
      const seedSeconds = (Date.now() - seedStart) / 1000;
      await seeder.close();

      const rows: Record<string, Record<string, string | number>> = {};
      const options = await doppel.page('options/index.html#data');
      const listStart = Date.now();
      await options.getByTestId('data-count').filter({ hasText: /^[1-9]/ }).waitFor({ timeout: 600_000 });
      const listSeconds = (Date.now() - listStart) / 1000;
      const [first, second] = [topicWords(seed, 3)[0]!, topicWords(seed, 3)[1]!];
      const typed: number[] = [];
      const queries = [first.slice(0, 2), first.slice(0, 3), first, `${first} ${second.slice(0, 3)}`, ''];
      for (let k = 0; k < 4; k++) for (const q of queries) typed.push(await searchLatency(options, q));
      const inDom = await options.evaluate(() => document.querySelectorAll('[data-testid=data-table] [role=listitem]').length);
      rows['Options → Data (pages tab)'] = { records: size, 'pages listed': history.pages.length, 'seeded in (s)': f(seedSeconds), 'list shown (s)': f(listSeconds), 'rows in the DOM': inDom, 'search as you type p50 (ms)': f(quantile(typed, 0.5)), 'p95 (ms)': f(quantile(typed, 0.95)), keystrokes: typed.length, goal: '≤ 50 ms' };
      await options.close();
      rows['Options → History (virtualised)'] = await historyTiming(doppel, history.pages.length);
      console.log(`\n=== Options with ${size} records ===`);
      console.table(rows);
      console.log('keystrokes (ms), by query:', queries.map((q, i) => `"${q}": ${typed.filter((_, k) => k % queries.length === i).map((ms) => Math.round(ms)).join('/')}`).join(', '));
    } finally {
      await doppel.close();
    }
  });
});
