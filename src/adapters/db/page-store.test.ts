import 'fake-indexeddb/auto';
import { expect, test } from 'vitest';
import { openDoppelDb } from './open-db';
import { createPageStore } from './page-store';

const page = (i: number, at: number) => ({ url: `https://s${i % 3}.example/p${i}`, site: `s${i % 3}.example`, title: `Page ${i}`, text: `text ${i}`, contentHash: `h${i}`, at });

test('a window of the history: any rows, last visited first, with the total, and nothing past the end', async () => {
  const db = openDoppelDb('doppel-page-window');
  const store = createPageStore(() => db);
  // Visit times out of insertion order, with a tie, so the order comes from the index.
  const times = [50, 10, 40, 30, 30, 20, 60];
  for (const [i, at] of times.entries()) await store.upsert(page(i, at));
  const all = await store.window(0, 100);
  expect(all.total).toBe(7);
  expect(all.pages.map((p) => p.lastVisit)).toEqual([60, 50, 40, 30, 30, 20, 10]);
  const middle = await store.window(2, 3);
  expect(middle).toEqual({ total: 7, pages: all.pages.slice(2, 5) });
  // Consecutive windows cover every page once.
  const stitched = [...(await store.window(0, 3)).pages, ...(await store.window(3, 3)).pages, ...(await store.window(6, 3)).pages];
  expect(stitched.map((p) => p.id)).toEqual(all.pages.map((p) => p.id));
  expect(await store.window(7, 3)).toEqual({ total: 7, pages: [] });
  expect(await store.window(100, 3)).toEqual({ total: 7, pages: [] });
});
