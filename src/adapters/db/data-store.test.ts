import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import type { PageRecord } from '../../core/model/records';
import { createDataStore } from './data-store';
import { createIngest } from './ingest';
import { openDoppelDb } from './open-db';

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

  test('export → delete all → import gives back identical records', async () => {
    const db = fresh();
    const data = createDataStore(db);
    const ingest = createIngest(db, 1);
    await ingest.write({ type: 'page', page: page('https://example.com/a', 'one', 1) });
    await ingest.write({ type: 'writing', writing: { id: 'w', url: 'https://example.com/a', site: 'example.com', text: 'hi', source: 'form', createdAt: 3, replyTo: 'q' } });
    await ingest.write({ type: 'reaction', reaction: { id: 'r', url: 'https://example.com/a', site: 'example.com', kind: 'copy', value: 4, at: 5 } });
    const before = await data.exportAll(10);
    await data.deleteAll();
    expect(await data.usage()).toMatchObject({ pages: 0, writings: 0, reactions: 0 });
    await data.importAll(JSON.parse(JSON.stringify(before)));
    expect({ ...(await data.exportAll(10)) }).toEqual(before);
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
});
