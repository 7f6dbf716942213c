import type { IDBPDatabase } from 'idb';
import type { DoppelExport } from '../../core/export/schema';
import { approxBytes, planRetention, type RetentionItem, type RetentionPolicy } from '../../core/capture/retention';
import type { PersonaDoc } from '../../core/persona/types';
import { DERIVED_STORES, forgetDerived, forgottenOf, type Forgotten } from './forget';
import type { DoppelDb } from './schema';

/** The stores that hold what Doppel learned about the user (models and jobs are not user data). */
export const DATA_STORES = ['pages', 'writings', 'reactions'] as const;
export type DataStoreName = (typeof DATA_STORES)[number];
// Jobs and pipeline checkpoints hold prompts and outputs built from the user's records: they go too.
const USER_STORES = [...DATA_STORES, 'personas', 'reports', 'jobs', 'pipelines'] as const;

export interface DataUsage {
  pages: number;
  writings: number;
  reactions: number;
  /** Approximate bytes of the records above. */
  bytes: number;
}

type Db = () => Promise<IDBPDatabase<DoppelDb>>;

const touchedAt = (record: DoppelDb[DataStoreName]['value']): number =>
  ('lastVisit' in record ? record.lastVisit : 'createdAt' in record ? record.createdAt : record.at) || 0;

export const createDataStore = (db: Db) => ({
  async list<S extends DataStoreName>(store: S): Promise<DoppelDb[S]['value'][]> {
    return (await db()).getAll(store);
  },

  /** Deletes records and, in the same transaction, every job, report and checkpoint built from them. */
  async remove(store: DataStoreName, ids: readonly string[]): Promise<void> {
    const tx = (await db()).transaction([store, ...DERIVED_STORES], 'readwrite');
    const forgotten: Forgotten[] = [];
    for (const id of ids) {
      const record = await tx.objectStore(store).get(id);
      forgotten.push(record ? forgottenOf(store, record as unknown as Forgotten) : { id });
      await tx.objectStore(store).delete(id);
    }
    await forgetDerived(tx, forgotten);
    await tx.done;
  },

  async exportAll(now = Date.now()): Promise<DoppelExport> {
    const d = await db();
    const [pages, writings, reactions, personas] = await Promise.all([d.getAll('pages'), d.getAll('writings'), d.getAll('reactions'), d.getAll('personas')]);
    return { format: 'doppel-export', version: 1, exportedAt: now, pages, writings, reactions, personas: personas };
  },

  /** Puts every record of an export back, in one transaction: all of it or none of it. */
  async importAll(data: DoppelExport): Promise<DataUsage> {
    const tx = (await db()).transaction(['pages', 'writings', 'reactions', 'personas'], 'readwrite');
    const puts: Promise<unknown>[] = [
      ...data.pages.map((r) => tx.objectStore('pages').put(r)),
      ...data.writings.map((r) => tx.objectStore('writings').put(r)),
      ...data.reactions.map((r) => tx.objectStore('reactions').put(r)),
      ...data.personas.map((r) => tx.objectStore('personas').put(r)),
    ];
    await Promise.all([...puts, tx.done]);
    return this.usage();
  },

  async deleteAll(): Promise<void> {
    const tx = (await db()).transaction([...USER_STORES], 'readwrite');
    await Promise.all([...USER_STORES.map((s) => tx.objectStore(s).clear()), tx.done]);
  },

  async usage(): Promise<DataUsage> {
    const d = await db();
    let bytes = 0;
    const counts: Record<string, number> = {};
    for (const store of DATA_STORES) {
      let cursor = await d.transaction(store).store.openCursor();
      counts[store] = 0;
      while (cursor) {
        counts[store]++;
        bytes += approxBytes(cursor.value);
        cursor = await cursor.continue();
      }
    }
    return { pages: counts.pages!, writings: counts.writings!, reactions: counts.reactions!, bytes };
  },

  /**
   * Deletes what the retention settings no longer allow, with the jobs, reports and checkpoints
   * built from it; returns the ids that went (the caller drops the persona claims they orphaned).
   */
  async enforceRetention(policy: RetentionPolicy, now = Date.now()): Promise<string[]> {
    const d = await db();
    const items: RetentionItem[] = [];
    for (const store of DATA_STORES) {
      let cursor = await d.transaction(store).store.openCursor();
      while (cursor) {
        const record = cursor.value;
        items.push({ id: record.id, store, at: touchedAt(record), bytes: approxBytes(record) });
        cursor = await cursor.continue();
      }
    }
    const doomed = planRetention(items, policy, now);
    if (!doomed.length) return [];
    const tx = d.transaction([...DATA_STORES, ...DERIVED_STORES], 'readwrite');
    const forgotten: Forgotten[] = [];
    for (const item of doomed) {
      const record = await tx.objectStore(item.store).get(item.id);
      if (record) forgotten.push(forgottenOf(item.store, record as unknown as Forgotten));
      await tx.objectStore(item.store).delete(item.id);
    }
    await forgetDerived(tx, forgotten);
    await tx.done;
    return doomed.map((i) => i.id);
  },
});

export type DataStore = ReturnType<typeof createDataStore>;
