import type { IDBPDatabase } from 'idb';
import { InvertedIndex, type SearchHit, type SearchOptions } from '../../core/search/inverted-index';
import { pageDoc, reactionDoc, writingDoc, type SearchDoc } from '../../core/search/terms';
import type { DoppelDb } from './schema';
import { compactLog, LOG_CHUNK, replayLog, worthCompacting } from './search-log';

type Db = () => Promise<IDBPDatabase<DoppelDb>>;

/** What the stores tell the index after a transaction that wrote its term vectors committed. */
export interface SearchSink {
  indexed(docs: readonly SearchDoc[]): void;
  removed(ids: readonly string[]): void;
  cleared(): void;
}

const REBUILD_BATCH = LOG_CHUNK;
/** How often a search re-checks that the index holds as many records as the stores. */
const VERIFY_EVERY_MS = 30_000;

/**
 * The whole-history index: term vectors persisted in the `searchLog` store, written in the same
 * transaction as their records (one row per transaction), and an in-memory inverted index loaded
 * from them once per service-worker life. If the stored vectors do not match the records (a damaged or missing
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
    await d.clear('searchLog');
    const titles = new Map<string, string>();
    let batch: SearchDoc[] = [];
    const flush = async () => {
      const tx = d.transaction('searchLog', 'readwrite');
      void tx.store.add({ docs: batch, removed: [] });
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
    const [replayed, expected] = await Promise.all([replayLog(d), recordCount()]);
    verifiedAt = Date.now();
    if (!replayed || replayed.live.size !== expected) return rebuild();
    const index = new InvertedIndex();
    for (const doc of replayed.live.values()) index.add(doc);
    // The in-memory index already holds the live vectors; the next load reads fewer rows.
    if (worthCompacting(replayed)) void compactLog(d).catch(() => {});
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
