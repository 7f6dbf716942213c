import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDoppelDb } from './open-db';
import { createModelStore } from './model-store';

describe('model store', () => {
  afterEach(() => vi.restoreAllMocks());

  it('selects the model added last, even when two are added in the same millisecond', async () => {
    vi.spyOn(Date, 'now').mockReturnValue(1_000);
    const handle = await openDoppelDb(`model-store-${Math.random()}`);
    const models = createModelStore(async () => handle);
    for (const name of ['a', 'b', 'c', 'd', 'e']) await models.add(new Blob([name]), name);
    expect((await models.selected())!.name).toBe('e');
  });

  it('selecting an older model again makes it the selected one within the same millisecond', async () => {
    vi.spyOn(Date, 'now').mockReturnValue(1_000);
    const handle = await openDoppelDb(`model-store-${Math.random()}`);
    const models = createModelStore(async () => handle);
    const first = await models.add(new Blob(['a']), 'a');
    await models.add(new Blob(['b']), 'b');
    await models.select(first.id);
    expect((await models.selected())!.name).toBe('a');
  });
});
