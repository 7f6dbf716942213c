import type { IDBPDatabase, IndexNames, StoreNames, StoreValue } from 'idb';
import type { DoppelDb } from './schema';

/** Up to `limit` values of `store`, newest first by `index`, optionally only those `keep` accepts. */
export const newestFirst = async <S extends StoreNames<DoppelDb>>(
  db: IDBPDatabase<DoppelDb>,
  store: S,
  index: IndexNames<DoppelDb, S>,
  limit: number,
  keep: (value: StoreValue<DoppelDb, S>) => boolean = () => true,
): Promise<StoreValue<DoppelDb, S>[]> => {
  const out: StoreValue<DoppelDb, S>[] = [];
  let cursor = await db.transaction(store).store.index(index).openCursor(null, 'prev');
  while (cursor && out.length < limit) {
    if (keep(cursor.value)) out.push(cursor.value);
    cursor = await cursor.continue();
  }
  return out;
};
