import type { IDBPDatabase } from 'idb';
import type { PageRecord, ReactionRecord, WritingRecord } from '../../core/model/records';
import { mergePage, type NewPage } from './page-store';
import type { DoppelDb } from './schema';

export type IngestOp =
  | { type: 'page'; page: NewPage }
  | { type: 'visit'; url: string; dwellDeltaMs: number; maxScroll: number }
  | { type: 'seed'; page: PageRecord }
  | { type: 'writing'; writing: WritingRecord }
  | { type: 'reaction'; reaction: ReactionRecord };

export interface IngestResult {
  /** The page record an op touched, when it touched one. */
  page?: PageRecord;
}

type Db = () => Promise<IDBPDatabase<DoppelDb>>;

/** Applies ops in order inside ONE readwrite transaction over pages, writings and reactions. */
export const applyBatch = async (db: Db, ops: readonly IngestOp[]): Promise<IngestResult[]> => {
  const tx = (await db()).transaction(['pages', 'writings', 'reactions'], 'readwrite');
  // An op that fails (a full disk) aborts the whole batch; the caller hears that op's error, and
  // the transaction's own rejection is not left unhandled.
  tx.done.catch(() => {});
  const pages = tx.objectStore('pages');
  const results: IngestResult[] = [];
  for (const op of ops) {
    if (op.type === 'page') {
      // A page is its address: the same text at another URL (a syndicated copy, a soft-404) is another page.
      const existing = await pages.index('byUrl').get(op.page.url);
      const page = mergePage(existing, op.page);
      await pages.put(page);
      results.push({ page });
    } else if (op.type === 'visit') {
      const existing = await pages.index('byUrl').get(op.url);
      if (existing) {
        const page = { ...existing, dwellMs: existing.dwellMs + op.dwellDeltaMs, maxScroll: Math.max(existing.maxScroll, op.maxScroll) };
        await pages.put(page);
        results.push({ page });
      } else results.push({});
    } else if (op.type === 'seed') {
      // History seeding never overwrites a page Doppel has actually read.
      if (!(await pages.index('byUrl').get(op.page.url))) await pages.put(op.page);
      results.push({ page: op.page });
    } else if (op.type === 'writing') {
      await tx.objectStore('writings').put(op.writing);
      results.push({});
    } else {
      await tx.objectStore('reactions').put(op.reaction);
      results.push({});
    }
  }
  await tx.done;
  return results;
};

/**
 * Collects ops that arrive within `windowMs` and writes them in one transaction. Each caller's
 * promise settles only after its batch committed, so a service worker that dies mid-window loses
 * nothing it had acknowledged.
 */
export const createIngest = (db: Db, windowMs = 30) => {
  let pending: { op: IngestOp; resolve: (r: IngestResult) => void; reject: (e: unknown) => void }[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = async () => {
    const batch = pending;
    pending = [];
    timer = null;
    try {
      const results = await applyBatch(db, batch.map((b) => b.op));
      batch.forEach((b, i) => b.resolve(results[i]!));
    } catch (error) {
      batch.forEach((b) => b.reject(error));
    }
  };
  return {
    write(op: IngestOp): Promise<IngestResult> {
      return new Promise((resolve, reject) => {
        pending.push({ op, resolve, reject });
        timer ??= setTimeout(() => void flush(), windowMs);
      });
    },
  };
};

export type Ingest = ReturnType<typeof createIngest>;
