import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import { createDataStore } from './data-store';
import { createIngest } from './ingest';
import { openDoppelDb } from './open-db';
import { createSearchIndex } from './search-index';
import { compactLog, replayLog, worthCompacting } from './search-log';

let n = 0;
const fresh = () => {
  const db = openDoppelDb(`doppel-search-log-test-${n++}`);
  return () => db;
};
const page = (url: string, text: string, at: number) => ({ url, site: 'example.com', title: url, text, contentHash: `h-${text}`, at });

describe('the term-vector log', () => {
  test('replay keeps each record’s newest vector and forgets deleted records; one row per batch', async () => {
    const db = fresh();
    const data = createDataStore(db);
    const ingest = createIngest(db, 5);
    const [a] = await Promise.all([ingest.write({ type: 'page', page: page('https://example.com/a', 'kelp forests', 1) }), ingest.write({ type: 'page', page: page('https://example.com/b', 'harbour seals', 1) })]);
    await ingest.write({ type: 'page', page: page('https://example.com/a', 'lighthouse keepers', 2) });
    await data.remove('pages', [(await data.list('pages')).find((p) => p.url.endsWith('/b'))!.id]);
    const replayed = (await replayLog(await db()))!;
    expect(replayed.rows).toBe(3);
    expect([...replayed.live.keys()]).toEqual([a.page!.id]);
    expect(replayed.live.get(a.page!.id)!.terms).toContain('lighthouse');
    expect(replayed.live.get(a.page!.id)!.terms).not.toContain('kelp');
  });

  test('a log of many small rows is compacted on load without changing what a search finds', async () => {
    const db = fresh();
    const ingest = createIngest(db, 0);
    // One capture per batch, as browsing gives: a row each, many of them revisits.
    for (let i = 0; i < 400; i++) await ingest.write({ type: 'page', page: page(`https://example.com/${i % 150}`, `tide number${i % 150} visit${i}`, i) });
    const before = (await replayLog(await db()))!;
    expect(before.rows).toBe(400);
    expect(before.stale).toBe(250);
    const search = createSearchIndex(db);
    const hits = await search.search('number7 tide', { limit: 20 });
    expect(hits.length).toBeGreaterThan(0);
    await compactLog(await db());
    const after = (await replayLog(await db()))!;
    expect(after.rows).toBe(1);
    expect(after.stale).toBe(0);
    expect([...after.live.values()].sort((x, y) => (x.id < y.id ? -1 : 1))).toEqual([...before.live.values()].sort((x, y) => (x.id < y.id ? -1 : 1)));
    expect(await createSearchIndex(db).search('number7 tide', { limit: 20 })).toEqual(hits);
  });

  test('compaction is for many one-capture rows or many stale entries, not for an import’s rows', () => {
    const live = (n: number) => new Map(Array.from({ length: n }, (_, i) => [`r${i}`, { id: `r${i}`, kind: 'page' as const, site: 's', at: 0, terms: [], tfs: [] }]));
    // 50k records imported in rows of 200: 250 rows.
    expect(worthCompacting({ live: live(50_000), rows: 250, stale: 0 })).toBe(false);
    // 3,500 captures since, one row each.
    expect(worthCompacting({ live: live(50_000), rows: 3_250, stale: 0 })).toBe(true);
    expect(worthCompacting({ live: live(1_000), rows: 10, stale: 2_500 })).toBe(true);
    expect(worthCompacting({ live: live(1_000), rows: 10, stale: 100 })).toBe(false);
  });
});
