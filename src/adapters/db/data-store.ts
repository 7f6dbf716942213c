import type { IDBPDatabase } from 'idb';
import { approxBytes, type RetentionPolicy } from '../../core/capture/retention';
import type { PersonaDoc } from '../../core/persona/types';
import { firstError } from './first-error';
import { DERIVED_STORES, forgetDerived, forgottenOf, type Forgotten } from './forget';
import { deleteExpired } from './retention';
import type { ExportKind } from '../../core/export/validate';
import { toRow, type RecordRow } from '../../core/model/record-row';
import type { PageRecord, ReactionRecord, WritingRecord } from '../../core/model/records';
import { pageDoc, reactionDoc, writingDoc, type SearchDoc } from '../../core/search/terms';
import type { DoppelDb } from './schema';
import type { PersonaRecord } from '../../core/persona/accumulator';
import type { PersonaSink } from './persona-live';
import { forgetLiveCounts, personaRecordOf, removeFromLiveCounts } from './persona-live-rows';
import type { SearchSink } from './search-index';

/** The stores that hold what Doppel learned about the user (models and jobs are not user data). */
export const DATA_STORES = ['pages', 'writings', 'reactions'] as const;
export type DataStoreName = (typeof DATA_STORES)[number];
// Jobs and pipeline checkpoints hold prompts and outputs built from the user's records: they go too.
const USER_STORES = ['pages', 'writings', 'reactions', 'personas', 'reports', 'jobs', 'pipelines', 'searchLog'] as const;

export interface DataUsage {
  pages: number;
  writings: number;
  reactions: number;
  /** Approximate bytes of the records above. */
  bytes: number;
}

/** An import's progress, kept in the same transaction as the records it counts. */
export interface ImportCheckpoint {
  id: 'import';
  status: 'running';
  /** Which file: name, size and modification time. */
  key: string;
  /** Records of the file (in file order) already stored. */
  done: number;
  updatedAt: number;
}

type Db = () => Promise<IDBPDatabase<DoppelDb>>;
type AnyRecord = Record<string, unknown> & { id: string };

const IMPORT_ID = 'import';
const ROWS_PAGE = 1000;
/** Records read to estimate a store's average size, instead of reading every record. */
const SIZE_SAMPLE = 100;

/** Counts exactly; bytes from the average size of a sample of each store, so 50k records are never all read. */
const estimateUsage = async (d: IDBPDatabase<DoppelDb>): Promise<DataUsage> => {
  const out = { pages: 0, writings: 0, reactions: 0, bytes: 0 };
  await Promise.all(
    DATA_STORES.map(async (store) => {
      const [count, sample] = await Promise.all([d.count(store), d.getAll(store, null, SIZE_SAMPLE)]);
      out[store] = count;
      if (sample.length) out.bytes += Math.round((sample.reduce((sum, r) => sum + approxBytes(r), 0) / sample.length) * count);
    }),
  );
  return out;
};

const noSink: SearchSink = { indexed: () => {}, removed: () => {}, cleared: () => {} };
const noPersona: PersonaSink = { changed: () => {}, invalidated: () => {} };

/** `search` hears of every record that comes or goes; `persona` (the live persona) of every change to the counts. */
export const createDataStore = (db: Db, search: SearchSink = noSink, persona: PersonaSink = noPersona) => ({
  async list<S extends DataStoreName>(store: S): Promise<DoppelDb[S]['value'][]> {
    return (await db()).getAll(store);
  },

  /** Every record of a store as a short row, read a page at a time so the whole store is never in memory at once. */
  async rows(store: DataStoreName): Promise<RecordRow[]> {
    const d = await db();
    const out: RecordRow[] = [];
    let after: string | undefined;
    for (;;) {
      const records = await d.getAll(store, after === undefined ? null : IDBKeyRange.lowerBound(after, true), ROWS_PAGE);
      if (!records.length) break;
      for (const r of records) out.push(toRow(store, r as unknown as Record<string, unknown>));
      after = records[records.length - 1]!.id;
    }
    return out.sort((a, b) => b.at - a.at);
  },

  /** Up to `limit` records of a store in key order after `after`: how exports and long lists page through. */
  async page<S extends ExportKind>(store: S, after: string | undefined, limit: number): Promise<{ id: string }[]> {
    return (await db()).getAll(store, after === undefined ? null : IDBKeyRange.lowerBound(after, true), limit) as Promise<{ id: string }[]>;
  },

  /** Which store holds a record, if any. */
  async storeOf(id: string): Promise<DataStoreName | undefined> {
    const tx = (await db()).transaction([...DATA_STORES]);
    const counts = await Promise.all(DATA_STORES.map((store) => tx.objectStore(store).count(id)));
    return DATA_STORES[counts.findIndex((n) => n > 0)];
  },

  /** Deletes records and their term vectors and, in the same transaction, every job, report and checkpoint built from them. */
  async remove(store: DataStoreName, ids: readonly string[]): Promise<void> {
    const tx = (await db()).transaction([store, 'searchLog' as const, ...DERIVED_STORES], 'readwrite');
    const forgotten: Forgotten[] = [];
    const removed: PersonaRecord[] = [];
    for (const id of ids) {
      const record = await tx.objectStore(store).get(id);
      forgotten.push(record ? forgottenOf(store, record as unknown as Forgotten) : { id });
      if (record) removed.push(personaRecordOf(store, record));
      await tx.objectStore(store).delete(id);
    }
    if (ids.length) await tx.objectStore('searchLog').add({ docs: [], removed: [...ids] });
    await forgetDerived(tx, forgotten);
    const live = await removeFromLiveCounts(tx, removed);
    await tx.done;
    search.removed(ids);
    if (live) persona.changed(live.mark, live.changes);
  },

  importCheckpoint: async (): Promise<ImportCheckpoint | undefined> => (await (await db()).get('pipelines', IMPORT_ID)) as ImportCheckpoint | undefined,

  /**
   * Stores one batch of an import (already validated and scrubbed) with its term vectors and the
   * checkpoint that counts it, in one transaction: a service worker that dies between batches
   * leaves exactly the batches it acknowledged.
   */
  async importBatch(key: string, from: number, items: readonly { kind: ExportKind; record: AnyRecord }[], now = Date.now()): Promise<ImportCheckpoint> {
    const d = await db();
    const tx = d.transaction(['pages', 'writings', 'reactions', 'personas', 'jobs', 'reports', 'pipelines', 'searchLog'], 'readwrite');
    const requests = firstError();
    tx.done.catch(() => {});
    const docs: SearchDoc[] = [];
    const titles = new Map<string, string>();
    for (const { kind, record } of items) {
      requests.watch(tx.objectStore(kind).put(record as never));
      if (kind === 'pages') titles.set(String(record.url), String(record.title));
      const doc = kind === 'pages' ? pageDoc(record as unknown as PageRecord) : kind === 'writings' ? writingDoc(record as unknown as WritingRecord) : kind === 'reactions' ? reactionDoc(record as unknown as ReactionRecord, titles.get(String(record.url))) : null;
      if (doc) docs.push(doc);
    }
    if (docs.length) requests.watch(tx.objectStore('searchLog').add({ docs, removed: [] }));
    const checkpoint: ImportCheckpoint = { id: IMPORT_ID, status: 'running', key, done: from + items.length, updatedAt: now };
    requests.watch(tx.objectStore('pipelines').put(checkpoint as unknown as DoppelDb['pipelines']['value']));
    // An import's batches are counted again from the records when next needed: reading and writing
    // the saved counts in every batch would cost more than one count at the end.
    forgetLiveCounts(tx);
    await requests.settle(tx.done);
    search.indexed(docs);
    persona.invalidated();
    return checkpoint;
  },

  async finishImport(): Promise<void> {
    await (await db()).delete('pipelines', IMPORT_ID);
  },

  async deleteAll(): Promise<void> {
    const tx = (await db()).transaction([...USER_STORES], 'readwrite');
    await Promise.all([...USER_STORES.map((s) => tx.objectStore(s).clear()), tx.done]);
    search.cleared();
    persona.invalidated();
  },

  /** Counts exactly; bytes from the average size of a sample of each store, so 50k records are never all read. */
  usage: async (): Promise<DataUsage> => estimateUsage(await db()),

  /**
   * Deletes what the retention settings no longer allow, with the jobs, reports and checkpoints
   * built from it, reading only the oldest records; returns the ids that went (the caller drops
   * the persona claims they orphaned).
   */
  async enforceRetention(policy: RetentionPolicy, now = Date.now()): Promise<string[]> {
    const d = await db();
    const { ids, live } = await deleteExpired(d, policy, now, policy.maxBytes > 0 ? (await estimateUsage(d)).bytes : 0);
    if (ids.length) search.removed(ids);
    if (live) persona.changed(live.mark, live.changes);
    return ids;
  },
});

export type DataStore = ReturnType<typeof createDataStore>;
