import type { IDBPDatabase } from 'idb';
import type { WritingRecord } from '../../core/model/records';
import type { DoppelDb } from './schema';

export const createWritingStore = (db: () => Promise<IDBPDatabase<DoppelDb>>) => ({
  async add(writing: WritingRecord): Promise<void> {
    await (await db()).put('writings', writing);
  },
  async has(id: string): Promise<boolean> {
    return (await (await db()).getKey('writings', id)) !== undefined;
  },
  async recent(limit: number): Promise<WritingRecord[]> {
    const out: WritingRecord[] = [];
    let cursor = await (await db()).transaction('writings').store.index('byCreatedAt').openCursor(null, 'prev');
    while (cursor && out.length < limit) {
      out.push(cursor.value);
      cursor = await cursor.continue();
    }
    return out;
  },
});

export type WritingStore = ReturnType<typeof createWritingStore>;
