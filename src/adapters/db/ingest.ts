import type { IDBPDatabase } from 'idb';
import { firstError } from './first-error';
import type { PageRecord, ReactionRecord, WritingRecord } from '../../core/model/records';
import { pageDoc, reactionDoc, writingDoc, type SearchDoc } from '../../core/search/terms';
import { mergePage, type NewPage } from './page-store';
import type { DoppelDb } from './schema';
import { LIVE_MARK_ID, nextLiveSeq } from './persona-live-rows';
import type { PersonaChange, PersonaSink } from './persona-live';
import type { SearchSink } from './search-index';

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

/** Who hears of a batch once it committed: the full-text index, and the live persona. */
export interface IngestSinks {
  search?: SearchSink;
  persona?: PersonaSink;
}

/**
 * Applies ops in order inside ONE readwrite transaction over pages, writings, reactions, their
 * full-text term vectors (one log row for the batch) and the live persona's mark; the sinks hear
 * of the vectors and records once the transaction committed.
 */
export const applyBatch = async (db: Db, ops: readonly IngestOp[], sinks: IngestSinks = {}): Promise<IngestResult[]> => {
  const tx = (await db()).transaction(['pages', 'writings', 'reactions', 'searchLog', 'pipelines'], 'readwrite');
  // An op that fails (a full disk) aborts the whole batch; the caller hears that op's error.
  const requests = firstError();
  const quiet = requests.watch;
  tx.done.catch(() => {});
  const pages = tx.objectStore('pages');
  // Every page the batch touches is asked for up front, so the reads run back to back instead of
  // one round trip per op; what the batch itself writes is kept here, so later ops see it.
  const byUrl = new Map<string, Promise<PageRecord | undefined>>();
  const written = new Map<string, PageRecord>();
  const pageAt = (url: string) => {
    let found = byUrl.get(url);
    if (!found) {
      byUrl.set(url, (found = pages.index('byUrl').get(url)));
      // A batch that fails early never awaits some of these: their errors are the batch's error.
      found.catch(() => {});
    }
    return found;
  };
  const changes: PersonaChange[] = [];
  // Which mark this batch follows: the live persona tells from it whether it missed a deletion or an import.
  // (A failed batch fails through its first failed write, below, not through this read.)
  const markBefore = tx.objectStore('pipelines').get(LIVE_MARK_ID).catch(() => undefined);
  const keep = (page: PageRecord, replaced?: PageRecord) => {
    if (replaced) changes.push({ item: { type: 'page', record: replaced }, sign: -1 });
    changes.push({ item: { type: 'page', record: page }, sign: 1 });
    byUrl.set(page.url, Promise.resolve(page));
    written.set(page.id, page);
    quiet(pages.put(page));
  };
  const pageById = new Map<string, Promise<PageRecord | undefined>>();
  for (const op of ops) {
    if (op.type === 'page') void pageAt(op.page.url);
    else if (op.type === 'visit') void pageAt(op.url);
    else if (op.type === 'seed') void pageAt(op.page.url);
    else if (op.type === 'reaction' && op.reaction.pageId && !pageById.has(op.reaction.pageId)) {
      const found = pages.get(op.reaction.pageId);
      found.catch(() => {});
      pageById.set(op.reaction.pageId, found);
    }
  }
  // Every read answered before the first write is queued: awaiting each read between writes cost
  // twice the whole batch's reads in Chromium (bench/capture.bench.ts).
  await Promise.allSettled([...byUrl.values(), ...pageById.values()]);
  const docs: SearchDoc[] = [];
  const index = (doc: SearchDoc) => docs.push(doc);
  const results: IngestResult[] = [];
  for (const op of ops) {
    if (op.type === 'page') {
      // A page is its address: the same text at another URL (a syndicated copy, a soft-404) is another page.
      const before = await pageAt(op.page.url);
      const page = mergePage(before, op.page);
      keep(page, before);
      index(pageDoc(page));
      results.push({ page });
    } else if (op.type === 'visit') {
      const existing = await pageAt(op.url);
      if (existing) {
        const page = { ...existing, dwellMs: existing.dwellMs + op.dwellDeltaMs, maxScroll: Math.max(existing.maxScroll, op.maxScroll) };
        keep(page, existing);
        results.push({ page });
      } else results.push({});
    } else if (op.type === 'seed') {
      // History seeding never overwrites a page Doppel has actually read.
      if (!(await pageAt(op.page.url))) {
        keep(op.page);
        index(pageDoc(op.page));
      }
      results.push({ page: op.page });
    } else if (op.type === 'writing') {
      quiet(tx.objectStore('writings').put(op.writing));
      changes.push({ item: { type: 'writing', record: op.writing }, sign: 1 });
      index(writingDoc(op.writing));
      results.push({});
    } else {
      quiet(tx.objectStore('reactions').put(op.reaction));
      changes.push({ item: { type: 'reaction', record: op.reaction }, sign: 1 });
      const pageId = op.reaction.pageId;
      const page = pageId ? (written.get(pageId) ?? (await pageById.get(pageId))) : undefined;
      index(reactionDoc(op.reaction, page?.title));
      results.push({});
    }
  }
  // The batch's vectors are one row: one write instead of one per record.
  if (docs.length) quiet(tx.objectStore('searchLog').add({ docs, removed: [] }));
  const seq = nextLiveSeq();
  if (changes.length) quiet(tx.objectStore('pipelines').put({ id: LIVE_MARK_ID, kind: 'persona-live-mark', seq }));
  await requests.settle(tx.done);
  const previous = await markBefore;
  sinks.search?.indexed(docs);
  if (changes.length) sinks.persona?.changed({ seq, after: previous?.kind === 'persona-live-mark' ? previous.seq : 0 }, changes);
  return results;
};

/**
 * Collects ops that arrive within `windowMs` and writes them in one transaction. Each caller's
 * promise settles only after its batch committed, so a service worker that dies mid-window loses
 * nothing it had acknowledged.
 */
export const createIngest = (db: Db, windowMs = 30, sinks: IngestSinks = {}) => {
  let pending: { op: IngestOp; resolve: (r: IngestResult) => void; reject: (e: unknown) => void }[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = async () => {
    const batch = pending;
    pending = [];
    timer = null;
    try {
      const results = await applyBatch(db, batch.map((b) => b.op), sinks);
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
