import type { IDBPDatabase } from 'idb';
import type { ReactionRecord } from '../../core/model/records';
import type { DoppelDb } from './schema';

export const createReactionStore = (db: () => Promise<IDBPDatabase<DoppelDb>>) => ({
  async add(reaction: ReactionRecord): Promise<void> {
    await (await db()).put('reactions', reaction);
  },
  async recent(limit: number): Promise<ReactionRecord[]> {
    const out: ReactionRecord[] = [];
    let cursor = await (await db()).transaction('reactions').store.index('byAt').openCursor(null, 'prev');
    while (cursor && out.length < limit) {
      out.push(cursor.value);
      cursor = await cursor.continue();
    }
    return out;
  },
});

export type ReactionStore = ReturnType<typeof createReactionStore>;
