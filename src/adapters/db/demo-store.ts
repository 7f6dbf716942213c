import type { IDBPDatabase } from 'idb';
import type { DoppelExport } from '../../core/export/schema';
import type { DemoCounts } from '../../core/model/demo-counts';
import { forgetLiveCounts } from './persona-live-rows';
import type { DoppelDb } from './schema';

const DEMO_STORES = ['pages', 'writings', 'reactions'] as const;

export type { DemoCounts };

/** The demo lives beside the user's own records, told apart only by `demo: true`. */
export const createDemoStore = (db: () => Promise<IDBPDatabase<DoppelDb>>) => ({
  async load(history: DoppelExport): Promise<DemoCounts> {
    const tx = (await db()).transaction([...DEMO_STORES, 'pipelines' as const], 'readwrite');
    // Written without a batch mark: the live persona counts the records again.
    forgetLiveCounts(tx);
    await Promise.all([
      ...history.pages.map((p) => tx.objectStore('pages').put({ ...p, demo: true })),
      ...history.writings.map((w) => tx.objectStore('writings').put({ ...w, demo: true })),
      ...history.reactions.map((r) => tx.objectStore('reactions').put({ ...r, demo: true })),
      tx.done,
    ]);
    return { pages: history.pages.length, writings: history.writings.length, reactions: history.reactions.length };
  },

  /** Deletes every demo record and nothing else; returns how many, and their ids. */
  async remove(): Promise<{ counts: DemoCounts; ids: string[] }> {
    const removed: DemoCounts = { pages: 0, writings: 0, reactions: 0 };
    const ids: string[] = [];
    const tx = (await db()).transaction([...DEMO_STORES, 'pipelines' as const], 'readwrite');
    forgetLiveCounts(tx);
    for (const name of DEMO_STORES) {
      let cursor = await tx.objectStore(name).openCursor();
      while (cursor) {
        if (cursor.value.demo) {
          ids.push(cursor.value.id);
          await cursor.delete();
          removed[name]++;
        }
        cursor = await cursor.continue();
      }
    }
    await tx.done;
    return { counts: removed, ids };
  },

  async count(): Promise<DemoCounts> {
    const counts: DemoCounts = { pages: 0, writings: 0, reactions: 0 };
    const tx = (await db()).transaction(DEMO_STORES);
    for (const name of DEMO_STORES) {
      let cursor = await tx.objectStore(name).openCursor();
      while (cursor) {
        if (cursor.value.demo) counts[name]++;
        cursor = await cursor.continue();
      }
    }
    return counts;
  },
});

export type DemoStore = ReturnType<typeof createDemoStore>;
