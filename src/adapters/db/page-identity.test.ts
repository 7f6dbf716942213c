import 'fake-indexeddb/auto';
import { expect, test } from 'vitest';
import type { PageRecord } from '../../core/model/records';
import { createDataStore } from './data-store';
import { createIngest } from './ingest';
import { openDoppelDb } from './open-db';
import { createPageStore } from './page-store';

let n = 0;
const fresh = () => {
  const db = openDoppelDb(`doppel-page-identity-${n++}`);
  return () => db;
};
const SOFT_404 = 'Sorry, this page could not be found.';
const page = (url: string, text: string, at: number) => ({ url, site: new URL(url).hostname, title: url, text, contentHash: `h-${text}`, at });

test('the same text at two addresses is two pages, through ingest', async () => {
  const db = fresh();
  const ingest = createIngest(db, 5);
  const a = await ingest.write({ type: 'page', page: page('https://a.example/missing-1', SOFT_404, 1) });
  const b = await ingest.write({ type: 'page', page: page('https://b.example/syndicated', SOFT_404, 2) });
  expect(b.page?.id).not.toBe(a.page?.id);
  const stored = (await createDataStore(db).list('pages')) as PageRecord[];
  expect(stored.map((p) => [p.url, p.visitCount]).sort()).toEqual([['https://a.example/missing-1', 1], ['https://b.example/syndicated', 1]]);
});

test('the same text at two addresses is two pages, through the page store; one address revisited is one page', async () => {
  const db = fresh();
  const store = createPageStore(db);
  const first = await store.upsert(page('https://a.example/x', SOFT_404, 1));
  const other = await store.upsert(page('https://a.example/y', SOFT_404, 2));
  const again = await store.upsert(page('https://a.example/x', 'changed text', 3));
  expect(other.id).not.toBe(first.id);
  expect(again).toMatchObject({ id: first.id, visitCount: 2, url: 'https://a.example/x' });
  expect((await store.byUrl('https://a.example/y'))?.visitCount).toBe(1);
});
