import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import { sampleHistory } from '../../core/demo/sample-history';
import { createDemoStore } from './demo-store';
import { openDoppelDb } from './open-db';

describe('demo store', () => {
  test('loads the demo beside the user’s records and removes only the demo', async () => {
    const db = () => openDoppelDb('demo-store-test');
    const own = { id: 'mine', url: 'https://example.org/x', site: 'example.org', text: 'my own words', source: 'form' as const, createdAt: 1 };
    await (await db()).put('writings', own);
    const demo = createDemoStore(db);
    const history = sampleHistory(Date.UTC(2026, 10, 1));
    expect(await demo.load(history)).toEqual({ pages: history.pages.length, writings: history.writings.length, reactions: history.reactions.length });
    expect((await demo.count()).writings).toBe(history.writings.length);
    const removed = await demo.remove();
    expect(removed.counts).toEqual({ pages: history.pages.length, writings: history.writings.length, reactions: history.reactions.length });
    expect(removed.ids.sort()).toEqual([...history.pages, ...history.writings, ...history.reactions].map((r) => r.id).sort());
    expect(await demo.count()).toEqual({ pages: 0, writings: 0, reactions: 0 });
    expect(await (await db()).getAll('writings')).toEqual([own]);
  });
});
