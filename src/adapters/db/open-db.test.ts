import 'fake-indexeddb/auto';
import { forceCloseDatabase } from 'fake-indexeddb';
import { unwrap } from 'idb';
import { expect, test } from 'vitest';
import { openDoppelDb } from './open-db';

test('a connection the browser terminated is dropped: the next call opens a live one', async () => {
  const first = await openDoppelDb();
  expect(await openDoppelDb()).toBe(first);
  forceCloseDatabase(unwrap(first) as never);
  const next = await openDoppelDb();
  expect(next).not.toBe(first);
  await next.put('jobs', { id: 'j', kind: 'draft', status: 'done', createdAt: 1, updatedAt: 1, title: 't', messages: [], maxTokens: 1, temperature: 0, output: '', tokens: 0 });
  expect((await next.get('jobs', 'j'))?.id).toBe('j');
});
