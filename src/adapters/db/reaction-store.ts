import type { IDBPDatabase } from 'idb';
import type { ReactionRecord } from '../../core/model/records';
import { newestFirst } from './newest';
import type { DoppelDb } from './schema';

export const createReactionStore = (db: () => Promise<IDBPDatabase<DoppelDb>>) => ({
  async add(reaction: ReactionRecord): Promise<void> {
    await (await db()).put('reactions', reaction);
  },
  recent: async (limit: number): Promise<ReactionRecord[]> => newestFirst(await db(), 'reactions', 'byAt', limit),
});

export type ReactionStore = ReturnType<typeof createReactionStore>;
