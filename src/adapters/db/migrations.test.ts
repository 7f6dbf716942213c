import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, test } from 'vitest';
import { DB_VERSION, MIGRATIONS } from './migrations';
import { openDoppelDb } from './open-db';
import { createSearchIndex } from './search-index';
import type { DoppelDb } from './schema';

let n = 0;
const freshName = () => `doppel-migration-test-${n++}`;

/** Opens `name` at exactly `version`, running only the steps up to it, as an older Doppel would. */
const openAtVersion = (name: string, version: number) =>
  openDB<DoppelDb>(name, version, {
    upgrade: (db, oldVersion, _new, tx) => {
      for (let v = oldVersion; v < version; v++) MIGRATIONS[v]!(db, tx);
    },
  });

const v1Page = {
  id: 'p1',
  url: 'https://example.com/a',
  site: 'example.com',
  title: 'A',
  text: 'Some text',
  contentHash: 'abc',
  firstVisit: 1,
  lastVisit: 2,
  visitCount: 3,
  dwellMs: 0,
  maxScroll: 0,
};

describe('IndexedDB migrations', () => {
  test('a fresh database gets every store at the latest version', async () => {
    const db = await openDoppelDb(freshName());
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['jobs', 'models', 'pages', 'personas', 'pipelines', 'reactions', 'reports', 'searchLog', 'writings']);
    expect([...db.transaction('pages').store.indexNames].sort()).toEqual(['byLastVisit', 'byUrl']);
    db.close();
  });

  test('v1 → v2 keeps pages and writings, adds reactions/personas/reports and indexes old pages by site', async () => {
    const name = freshName();
    const v1 = await openAtVersion(name, 1);
    await v1.put('pages', v1Page);
    await v1.put('writings', { id: 'w1', url: 'https://example.com/a', site: 'example.com', text: 'hi', source: 'form', createdAt: 5 });
    v1.close();

    const v2 = await openAtVersion(name, 2);
    expect(await v2.get('pages', 'p1')).toEqual(v1Page);
    expect((await v2.get('writings', 'w1'))?.text).toBe('hi');
    expect(await v2.getAllFromIndex('pages', 'bySite', 'example.com')).toHaveLength(1);
    await v2.put('reactions', { id: 'r1', url: v1Page.url, site: 'example.com', kind: 'long-read', value: 60_000, at: 9 });
    expect(await v2.countFromIndex('reactions', 'byUrl', v1Page.url)).toBe(1);
    v2.close();
  });

  test('v2 → v3 moves a persona rebuild checkpoint out of jobs into pipelines, and leaves generation jobs alone', async () => {
    const name = freshName();
    const v2 = await openAtVersion(name, 2);
    const checkpoint = { id: 'persona-rebuild', kind: 'persona-rebuild', status: 'running', step: 3, createdAt: 1, updatedAt: 2 };
    await v2.put('jobs', checkpoint as never);
    await v2.put('jobs', { id: 'j1', kind: 'draft', status: 'running', createdAt: 1, updatedAt: 2, title: 't', messages: [], maxTokens: 5, temperature: 0, output: 'partial', tokens: 1 });
    v2.close();

    const v3 = await openDoppelDb(name);
    expect(v3.version).toBeGreaterThanOrEqual(3);
    expect(await v3.get('pipelines', 'persona-rebuild')).toEqual(checkpoint);
    expect(await v3.get('jobs', 'persona-rebuild')).toBeUndefined();
    expect((await v3.get('jobs', 'j1'))?.output).toBe('partial');
    v3.close();
  });

  test('v3 → v4 adds the search store; the records stay, and the index is built from them on first use', async () => {
    const name = freshName();
    const v3 = await openAtVersion(name, 3);
    await v3.put('pages', { ...v1Page, title: 'Harbour seals', text: 'Seals haul out on the slipway at low tide.' });
    await v3.put('writings', { id: 'w1', url: 'https://example.com/a', site: 'example.com', text: 'I counted forty seals today', source: 'form', createdAt: 5 });
    await v3.put('reactions', { id: 'r1', url: v1Page.url, site: 'example.com', pageId: 'p1', kind: 'long-read', value: 60_000, at: 9 });
    v3.close();

    const v4 = await openAtVersion(name, 4);
    expect(await v4.count('search')).toBe(0);
    expect((await v4.get('pages', 'p1'))?.title).toBe('Harbour seals');
    v4.close();
    const latest = await openDoppelDb(name);
    const search = createSearchIndex(() => Promise.resolve(latest));
    expect((await search.search('seals', { limit: 5 })).map((h) => h.id).sort()).toEqual(['p1', 'r1', 'w1']);
    latest.close();
  });

  test('v4 → v5 drops the two unused page indexes and carries the term vectors into the log, so nothing is rebuilt', async () => {
    const name = freshName();
    const v4 = await openAtVersion(name, 4);
    await v4.put('pages', { ...v1Page, title: 'Harbour seals', text: 'Seals haul out on the slipway at low tide.' });
    await v4.put('writings', { id: 'w1', url: 'https://example.com/a', site: 'example.com', text: 'I counted forty seals today', source: 'form', createdAt: 5 });
    // Vectors as v4 stored them; "zebra" is in no record's text, so finding it proves the stored
    // vector was carried over rather than rebuilt from the record.
    await v4.put('search', { id: 'p1', kind: 'page', site: 'example.com', at: 2, terms: ['zebra', 'seals'], tfs: [2, 1] });
    await v4.put('search', { id: 'w1', kind: 'writing', site: 'example.com', at: 5, terms: ['counted', 'seals'], tfs: [1, 1] });
    v4.close();

    const v5 = await openDoppelDb(name);
    expect(v5.version).toBeGreaterThanOrEqual(5);
    expect(v5.objectStoreNames.contains('search')).toBe(false);
    expect([...v5.transaction('pages').store.indexNames].sort()).toEqual(['byLastVisit', 'byUrl']);
    expect(await v5.getFromIndex('pages', 'byUrl', v1Page.url)).toMatchObject({ id: 'p1', title: 'Harbour seals' });
    expect((await v5.getAll('searchLog')).flatMap((row) => row.docs.map((d) => d.id)).sort()).toEqual(['p1', 'w1']);
    const search = createSearchIndex(() => Promise.resolve(v5));
    expect((await search.search('zebra', { limit: 5 })).map((h) => h.id)).toEqual(['p1']);
    expect((await search.search('seals', { limit: 5 })).map((h) => h.id).sort()).toEqual(['p1', 'w1']);
    v4.close();
  });
});
