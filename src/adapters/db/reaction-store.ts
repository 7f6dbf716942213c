import type { IDBPDatabase } from 'idb';
import type { ReactionRecord } from '../../core/model/records';
import { newestFirst } from './newest';
import type { DoppelDb } from './schema';

/** Reads only: reactions are written through the batched ingest like every captured record. */
export const createReactionStore = (db: () => Promise<IDBPDatabase<DoppelDb>>) => ({
  recent: async (limit: number): Promise<ReactionRecord[]> => newestFirst(await db(), 'reactions', 'byAt', limit),
});

export type ReactionStore = ReturnType<typeof createReactionStore>;
