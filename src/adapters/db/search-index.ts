import type { IDBPDatabase } from 'idb';
import { InvertedIndex, type SearchHit, type SearchOptions } from '../../core/search/inverted-index';
import { pageDoc, reactionDoc, writingDoc, type SearchDoc } from '../../core/search/terms';
import type { DoppelDb } from './schema';

type Db = () => Promise<IDBPDatabase<DoppelDb>>;

/** What the stores tell the index after a transaction that wrote its term vectors committed. */
export interface SearchSink {
  indexed(docs: readonly SearchDoc[]): void;
  removed(ids: readonly string[]): void;
  cleared(): void;
}

const REBUILD_BATCH = 2000;
/** How often a search re-checks that the index holds as many records as the stores. */
const VERIFY_EVERY_MS = 30_000;

const isDoc = (value: unknown): value is SearchDoc => {
  const d = value as SearchDoc | null;
  return !!d && typeof d.id === 'string' && Array.isArray(d.terms) && Array.isArray(d.tfs) && d.terms.length === d.tfs.length;
};

/**
 * The whole-history index: term vectors persisted in the `search` store, written in the same
 * transaction as their records, and an in-memory inverted index loaded from them once per
 * service-worker life. If the stored vectors do not match the records (a damaged or missing
 * index, records written by something that did not index them) it is rebuilt from the records.
 */
export const createSearchIndex = (db: Db) => {
  let memory: InvertedIndex | null = null;
  let loading: Promise<InvertedIndex> | null = null;
  let verifiedAt = 0;

  const recordCount = async () => {
    const d = await db();
    const [pages, writings, reactions] = await Promise.all([d.count('pages'), d.count('writings'), d.count('reactions')]);
    return pages + writings + reactions;
  };

  const rebuild = async (): Promise<InvertedIndex> => {
    const d = await db();
    const index = new InvertedIndex();
    await d.clear('search');
    const titles = new Map<string, string>();
    let batch: SearchDoc[] = [];
    const flush = async () => {
      const tx = d.transaction('search', 'readwrite');
      for (const doc of batch) void tx.store.put(doc);
      await tx.done;
      batch = [];
    };
    const add = async (doc: SearchDoc) => {
      index.add(doc);
      batch.push(doc);
      if (batch.length >= REBUILD_BATCH) await flush();
    };
    // Read in pages of records, each in its own short transaction, so the writes in between never
    // meet an expired read transaction.
    for (const store of ['pages', 'writings', 'reactions'] as const) {
      let after: string | undefined;
      for (;;) {
        const range = after === undefined ? null : IDBKeyRange.lowerBound(after, true);
        const records = await d.getAll(store, range, REBUILD_BATCH);
        if (!records.length) break;
        for (const record of records) {
          if (store === 'pages') {
            const page = record as DoppelDb['pages']['value'];
            titles.set(page.url, page.title);
            await add(pageDoc(page));
          } else if (store === 'writings') await add(writingDoc(record as DoppelDb['writings']['value']));
          else {
            const reaction = record as DoppelDb['reactions']['value'];
            await add(reactionDoc(reaction, titles.get(reaction.url)));
          }
        }
        after = records[records.length - 1]!.id;
      }
    }
    if (batch.length) await flush();
    return index;
  };

  const loadOrRebuild = async (): Promise<InvertedIndex> => {
    const d = await db();
    const [stored, expected] = await Promise.all([d.count('search'), recordCount()]);
    verifiedAt = Date.now();
    if (stored !== expected) return rebuild();
    const index = new InvertedIndex();
    let after: string | undefined;
    for (;;) {
      const docs = await d.getAll('search', after === undefined ? null : IDBKeyRange.lowerBound(after, true), 5000);
      if (!docs.length) break;
      for (const doc of docs) {
        if (!isDoc(doc)) return rebuild();
        index.add(doc);
      }
      after = docs[docs.length - 1]!.id;
    }
    return index;
  };

  const ready = async (): Promise<InvertedIndex> => {
    if (memory && Date.now() - verifiedAt > VERIFY_EVERY_MS) {
      verifiedAt = Date.now();
      if (memory.size !== (await recordCount())) memory = null;
    }
    if (memory) return memory;
    loading ??= loadOrRebuild()
      .then((index) => (memory = index))
      .finally(() => {
        loading = null;
      });
    return loading;
  };

  const sink: SearchSink = {
    indexed(docs) {
      if (memory) for (const doc of docs) memory.add(doc);
    },
    removed(ids) {
      if (memory) for (const id of ids) memory.remove(id);
    },
    cleared() {
      memory?.clear();
    },
  };

  return {
    ...sink,
    ready,
    search: async (text: string, options: SearchOptions): Promise<SearchHit[]> => (await ready()).search(text, options),
    /** Forgets the in-memory copy and rebuilds the stored one from the records. */
    rebuild: async (): Promise<void> => {
      memory = null;
      memory = await rebuild();
    },
  };
};

export type SearchIndex = ReturnType<typeof createSearchIndex>;
