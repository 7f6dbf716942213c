import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import type { PageRecord } from '../../core/model/records';
import { createDataStore } from './data-store';
import { createIngest } from './ingest';
import { createSearchIndex } from './search-index';
import { replayLog } from './search-log';
import { openDoppelDb } from './open-db';

// Counts cursor steps. Installed before idb first sees a cursor: idb recognises the advancing
// methods by identity, so a spy put on later would break it.
let steps = 0;
const step = IDBCursor.prototype.continue;
IDBCursor.prototype.continue = function (this: IDBCursor, ...args: Parameters<IDBCursor['continue']>) {
  steps++;
  return step.apply(this, args);
};

let n = 0;
const fresh = () => {
  const db = openDoppelDb(`doppel-data-test-${n++}`);
  return () => db;
};

const page = (url: string, text: string, at: number) => ({ url, site: 'example.com', title: url, text, contentHash: `h-${text}`, at });

describe('ingest and data store', () => {
  test('ops that arrive together share one batch; a revisit of the same content updates counts', async () => {
    const db = fresh();
    const ingest = createIngest(db, 5);
    const [a, b] = await Promise.all([ingest.write({ type: 'page', page: page('https://example.com/a', 'one', 1) }), ingest.write({ type: 'page', page: page('https://example.com/a', 'one', 2) })]);
    expect(b.page?.id).toBe(a.page?.id);
    expect(b.page?.visitCount).toBe(2);
    await ingest.write({ type: 'visit', url: 'https://example.com/a', dwellDeltaMs: 500, maxScroll: 0.4 });
    await ingest.write({ type: 'visit', url: 'https://example.com/a', dwellDeltaMs: 700, maxScroll: 0.2 });
    const [stored] = (await createDataStore(db).list('pages')) as PageRecord[];
    expect(stored).toMatchObject({ visitCount: 2, dwellMs: 1200, maxScroll: 0.4, firstVisit: 1, lastVisit: 2 });
  });

  test('paged export → delete all → batched import gives back identical records, and the index follows', async () => {
    const db = fresh();
    const search = createSearchIndex(db);
    const data = createDataStore(db, search);
    const ingest = createIngest(db, 1, { search });
    await ingest.write({ type: 'page', page: page('https://example.com/a', 'tidal power one', 1) });
    await ingest.write({ type: 'writing', writing: { id: 'w', url: 'https://example.com/a', site: 'example.com', text: 'hi about sourdough', source: 'form', createdAt: 3, replyTo: 'q' } });
    await ingest.write({ type: 'reaction', reaction: { id: 'r', url: 'https://example.com/a', site: 'example.com', kind: 'copy', value: 4, at: 5 } });
    expect((await search.search('sourdough', { limit: 5 })).map((h) => h.id)).toEqual(['w']);
    const dump = async () => ({ pages: await data.page('pages', undefined, 10), writings: await data.page('writings', undefined, 10), reactions: await data.page('reactions', undefined, 10) });
    const before = await dump();
    await data.deleteAll();
    expect(await data.usage()).toMatchObject({ pages: 0, writings: 0, reactions: 0, bytes: 0 });
    expect(await search.search('sourdough', { limit: 5 })).toEqual([]);
    const items = (['pages', 'writings', 'reactions'] as const).flatMap((kind) => before[kind].map((record) => ({ kind, record })));
    expect((await data.importBatch('file', 0, items.slice(0, 2))).done).toBe(2);
    expect((await data.importCheckpoint())?.done).toBe(2);
    await data.importBatch('file', 2, items.slice(2));
    await data.finishImport();
    expect(await data.importCheckpoint()).toBeUndefined();
    expect(await dump()).toEqual(before);
    expect((await search.search('sourdough tidal', { limit: 5 })).map((h) => h.id).sort()).toEqual([before.pages[0]!.id, 'w'].sort());
    expect((await data.usage()).bytes).toBeGreaterThan(0);
  });

  test('the index notices records it never saw and rebuilds from the stores', async () => {
    const db = fresh();
    const search = createSearchIndex(db);
    await (await db()).put('writings', { id: 'w9', url: 'https://example.com/a', site: 'example.com', text: 'kelp forests', source: 'form', createdAt: 3 });
    expect((await search.search('kelp', { limit: 5 })).map((h) => h.id)).toEqual(['w9']);
    expect((await replayLog(await db()))?.live.size).toBe(1);
    await (await db()).add('searchLog', { docs: [{ id: 'w9', broken: true }], removed: [] } as never);
    await search.rebuild();
    expect((await search.search('forests', { limit: 5 })).map((h) => h.id)).toEqual(['w9']);
  });

  test('retention deletes old records and then the oldest until the size fits', async () => {
    const db = fresh();
    const data = createDataStore(db);
    const ingest = createIngest(db, 1);
    const day = 86_400_000;
    for (const [i, at] of [0, 50 * day, 99 * day].entries()) await ingest.write({ type: 'page', page: page(`https://example.com/${i}`, 'x'.repeat(1000) + i, at) });
    expect(await data.enforceRetention({ maxAgeDays: 60, maxBytes: 0 }, 100 * day)).toHaveLength(1);
    expect(await data.enforceRetention({ maxAgeDays: 0, maxBytes: 6000 }, 100 * day)).toHaveLength(1);
    expect((await data.list('pages')).map((p) => p.url)).toEqual(['https://example.com/2']);
  });

  test('retention reads only the oldest records: the ones that go, not the whole history', async () => {
    const db = fresh();
    const search = createSearchIndex(db);
    const data = createDataStore(db, search);
    const ingest = createIngest(db, 5, { search });
    const day = 86_400_000;
    // 300 pages of one size, one a day, written in shuffled order so key order is not time order.
    const days = Array.from({ length: 300 }, (_, i) => (i * 137) % 300);
    await Promise.all(days.map((d) => ingest.write({ type: 'page', page: page(`https://example.com/${String(d).padStart(3, '0')}`, `tide ${String(d).padStart(3, '0')} ${'x'.repeat(500)}`, d * day) })));
    await ingest.write({ type: 'writing', writing: { id: 'w-old', url: 'https://example.com/000', site: 'example.com', text: 'an old note about kelp', source: 'form', createdAt: 5.5 * day } });
    steps = 0;
    const gone = await data.enforceRetention({ maxAgeDays: 300 - 10, maxBytes: 0 }, 300 * day);
    // Days 0–9 and the writing of day 5.5: 11 records; each cursor reads at most one record more.
    expect(gone).toHaveLength(11);
    expect(gone).toContain('w-old');
    expect(steps).toBeLessThanOrEqual(11 + 3);
    const pages = await data.list('pages');
    expect(Math.min(...pages.map((p) => p.lastVisit))).toBe(10 * day);
    expect((await replayLog(await db()))?.live.size).toBe(290);
    expect((await search.search('kelp', { limit: 5 })).map((h) => h.id)).toEqual([]);

    // By size: the oldest go until the estimate of what is left fits.
    steps = 0;
    const each = (await data.usage()).bytes / 290;
    const bySize = await data.enforceRetention({ maxAgeDays: 0, maxBytes: Math.round(each * 270.5) }, 300 * day);
    expect(bySize).toHaveLength(20);
    expect(steps).toBeLessThanOrEqual(20 + 3);
    expect(Math.min(...(await data.list('pages')).map((p) => p.lastVisit))).toBe(30 * day);
    expect((await replayLog(await db()))?.live.size).toBe(270);
  });
});
