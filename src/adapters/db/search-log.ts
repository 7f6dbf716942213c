import type { IDBPDatabase } from 'idb';
import type { SearchDoc } from '../../core/search/terms';
import type { DoppelDb, SearchLogEntry } from './schema';

type Db = IDBPDatabase<DoppelDb>;

/** Vectors per log row when many are written at once (a rebuild, a compaction). */
export const LOG_CHUNK = 2000;
const READ_ROWS = 500;

const isDoc = (value: unknown): value is SearchDoc => {
  const d = value as SearchDoc | null;
  return !!d && typeof d.id === 'string' && Array.isArray(d.terms) && Array.isArray(d.tfs) && d.terms.length === d.tfs.length;
};
const isEntry = (value: unknown): value is SearchLogEntry => {
  const e = value as SearchLogEntry | null;
  return !!e && Array.isArray(e.docs) && Array.isArray(e.removed) && e.docs.every(isDoc);
};

export interface Replayed {
  /** Each live record's newest vector. */
  live: Map<string, SearchDoc>;
  rows: number;
  /** Vectors and removals in the log that no longer matter. */
  stale: number;
}

/** Applies log rows in key order; false when a row is damaged. */
const apply = (into: Replayed, entries: readonly unknown[]): boolean => {
  for (const entry of entries) {
    if (!isEntry(entry)) return false;
    into.rows++;
    for (const id of entry.removed) {
      into.stale++;
      if (into.live.delete(id)) into.stale++;
    }
    for (const doc of entry.docs) {
      if (into.live.has(doc.id)) into.stale++;
      into.live.set(doc.id, doc);
    }
  }
  return true;
};

/** The live vectors, read a few hundred rows at a time; `null` when the log is damaged. */
export const replayLog = async (d: Db): Promise<Replayed | null> => {
  const out: Replayed = { live: new Map(), rows: 0, stale: 0 };
  let after: number | undefined;
  for (;;) {
    const range = after === undefined ? null : IDBKeyRange.lowerBound(after, true);
    const store = d.transaction('searchLog').store;
    const [keys, entries] = await Promise.all([store.getAllKeys(range, READ_ROWS), store.getAll(range, READ_ROWS)]);
    if (!entries.length) return out;
    if (!apply(out, entries)) return null;
    after = keys[keys.length - 1]!;
  }
};

/**
 * Whether the log holds so many small rows (one capture each, as browsing gives) or stale entries
 * that reading it costs much more than its live vectors. An import's rows of a few hundred are
 * left alone: compacting takes the log for one transaction, and captures wait for it.
 */
export const worthCompacting = ({ live, rows, stale }: Replayed): boolean => rows > 2000 + live.size / 50 || stale > 1000 + live.size;

const chunks = (docs: readonly SearchDoc[]): SearchLogEntry[] => {
  const out: SearchLogEntry[] = [];
  for (let i = 0; i < docs.length; i += LOG_CHUNK) out.push({ docs: docs.slice(i, i + LOG_CHUNK), removed: [] });
  return out;
};

/**
 * Rewrites the log as its live vectors in a few rows. One transaction reads and rewrites it, so a
 * batch that commits meanwhile is either in what it read or waits for it.
 */
export const compactLog = async (d: Db): Promise<void> => {
  const tx = d.transaction('searchLog', 'readwrite');
  const replayed: Replayed = { live: new Map(), rows: 0, stale: 0 };
  if (!apply(replayed, await tx.store.getAll())) return;
  await tx.store.clear();
  for (const entry of chunks([...replayed.live.values()])) void tx.store.add(entry);
  await tx.done;
};
