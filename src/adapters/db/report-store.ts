import type { IDBPDatabase } from 'idb';
import type { FidelityHistory } from '../../core/fidelity/items';
import type { FidelityReport } from '../../core/fidelity/report';
import type { PersonaDoc } from '../../core/persona/types';
import type { DoppelDb } from './schema';

/** Fidelity reports in the `reports` store; an unfinished one ('running') is the checkpoint a run resumes from. */
export const createReportStore = (db: () => Promise<IDBPDatabase<DoppelDb>>) => ({
  async put(report: FidelityReport): Promise<void> {
    await (await db()).put('reports', report);
  },
  async latest(): Promise<FidelityReport | undefined> {
    const cursor = await (await db()).transaction('reports').store.index('byCreatedAt').openCursor(null, 'prev');
    return cursor?.value;
  },
  /** Everything the protocol reads, in one read-only transaction. */
  async history(): Promise<FidelityHistory> {
    const tx = (await db()).transaction(['pages', 'writings', 'reactions', 'personas']);
    const [pages, writings, reactions, personas] = await Promise.all([
      tx.objectStore('pages').getAll(),
      tx.objectStore('writings').getAll(),
      tx.objectStore('reactions').getAll(),
      tx.objectStore('personas').getAll(),
    ]);
    return { pages, writings, reactions, personas: personas };
  },
});

export type ReportStore = ReturnType<typeof createReportStore>;
