import type { IDBPDatabase } from 'idb';
import { applyRecord, emptyPersonaAcc, personaFromAcc, type PersonaAcc, type PersonaRecord } from '../../core/persona/accumulator';
import { withLiveLayer } from '../../core/persona/live';
import { LIVE_MARK_ID, LIVE_PERSONA_ID, personaRecordOf, type LivePersonaRow } from './persona-live-rows';
import type { DoppelDb } from './schema';

type Db = () => Promise<IDBPDatabase<DoppelDb>>;

/** What the stores tell the live persona. */
export interface PersonaSink {
  /**
   * A transaction that moved the mark from `after` to `seq` committed: each record it added (1), and
   * each older version it replaced (−1), in order.
   */
  changed(mark: { seq: number; after: number }, changes: readonly PersonaChange[]): void;
  /** Records went (or came) without a mark of their own: the counts are read again from the records when next needed. */
  invalidated(): void;
}

export interface PersonaChange {
  item: PersonaRecord;
  sign: 1 | -1;
}

const STORES = ['pages', 'writings', 'reactions'] as const;
type Store = (typeof STORES)[number];
const STORE_OF = { page: 'pages', writing: 'writings', reaction: 'reactions' } as const satisfies Record<PersonaRecord['type'], Store>;

/** The counts in memory, as of mark `seq`; `counted` says, for counts read page by page, whether a change that committed before `seq` is in them. */
interface Live {
  acc: PersonaAcc;
  seq: number;
  counted?: (change: PersonaChange, seq: number) => boolean;
}

export interface LivePersonaOptions {
  /** How soon the document shows a change (changes within it are shown together). */
  publishMs?: number;
  /** How soon the counts are saved, so the next service-worker life need not read every record again. */
  snapshotMs?: number;
  /** Records read per transaction when everything is counted again. */
  scanPage?: number;
}

/**
 * Keeps the newest persona document's measured layer (style card, interests, sites, rhythm) current
 * as records are captured, without a rebuild: each record is added to the persona's counts
 * (accumulator.ts) in milliseconds. The counts live in memory and are saved to the pipelines store
 * now and then; a saved copy counts only if it was taken at the newest ingest mark, otherwise they
 * are counted again from the records, a page at a time. Nothing happens until a persona exists.
 */
export const createLivePersona = (db: Db, options: LivePersonaOptions = {}) => {
  const publishMs = options.publishMs ?? 500;
  const snapshotMs = options.snapshotMs ?? 2000;
  const scanPage = options.scanPage ?? 500;
  let live: Live | null = null;
  // Bumped when records go behind our back: work begun before it must not write what it counted.
  let epoch = 0;
  let chain: Promise<unknown> = Promise.resolve();
  let publishTimer: ReturnType<typeof setTimeout> | null = null;
  let snapshotTimer: ReturnType<typeof setTimeout> | null = null;
  const serially = (work: () => Promise<void>): Promise<void> => {
    const next = chain.then(work);
    chain = next.catch(() => {});
    return next;
  };

  const markSeq = (row: DoppelDb['pipelines']['value'] | undefined) => (row?.kind === 'persona-live-mark' ? row.seq : 0);

  /**
   * Every record counted, a page of one store per read transaction, so captures and deletions commit
   * between pages instead of waiting behind one transaction over the whole history (tens of seconds
   * at 50k records). Each page reads the mark with its records; a change heard later, or queued
   * behind this count, is in the counts exactly when the page covering its record saw its mark.
   */
  const count = async (): Promise<Live> => {
    const d = await db();
    const acc = emptyPersonaAcc();
    const pages: Record<Store, { end?: string; mark: number }[]> = { pages: [], writings: [], reactions: [] };
    let mark = 0;
    for (const store of STORES) {
      let after: string | undefined;
      for (;;) {
        const tx = d.transaction([store, 'pipelines']);
        const [markRow, rows] = await Promise.all([
          tx.objectStore('pipelines').get(LIVE_MARK_ID),
          tx.objectStore(store).getAll(after === undefined ? null : IDBKeyRange.lowerBound(after, true), scanPage),
        ]);
        await tx.done;
        const pageMark = markSeq(markRow);
        mark = Math.max(mark, pageMark);
        for (const record of rows) applyRecord(acc, personaRecordOf(store, record));
        // The last page of a store covers every key after the one before it.
        const end = rows.length < scanPage ? undefined : rows[rows.length - 1]!.id;
        pages[store].push({ ...(end === undefined ? {} : { end }), mark: pageMark });
        if (end === undefined) break;
        after = end;
      }
    }
    const counted = (change: PersonaChange, seq: number): boolean => {
      const covering = pages[STORE_OF[change.item.type]].find((page) => page.end === undefined || indexedDB.cmp(change.item.record.id, page.end) <= 0);
      return covering !== undefined && covering.mark >= seq;
    };
    return { acc, seq: mark, counted };
  };

  /**
   * The counts as of mark `after` (the mark the batch being applied followed) or `seq` (a deletion
   * that took its records out of the saved counts itself), or counted afresh.
   */
  const load = async ({ seq, after }: { seq: number; after: number }): Promise<Live> => {
    const row = await (await db()).get('pipelines', LIVE_PERSONA_ID);
    if (row?.kind === 'persona-live' && (row.seq === after || row.seq === seq)) return { acc: row.acc, seq: row.seq };
    const counted = await count();
    schedule();
    return counted;
  };

  // With the mark in the same transaction: counts that have not seen a deletion (or a batch) that
  // committed meanwhile never write, and a deletion after this commits cleans what it wrote.
  const publish = () =>
    serially(async () => {
      if (!live) return;
      const seen = epoch;
      const tx = (await db()).transaction(['personas', 'pipelines'], 'readwrite');
      const [mark, docs] = await Promise.all([tx.objectStore('pipelines').get(LIVE_MARK_ID), tx.objectStore('personas').getAll()]);
      const doc = docs.sort((a, b) => b.version - a.version)[0];
      if (!doc || !live || seen !== epoch || markSeq(mark) !== live.seq) return;
      await tx.objectStore('personas').put(withLiveLayer(doc, personaFromAcc(live.acc, doc)));
      await tx.done;
    });

  const snapshot = () =>
    serially(async () => {
      if (!live) return;
      const seen = epoch;
      const tx = (await db()).transaction('pipelines', 'readwrite');
      const mark = markSeq(await tx.store.get(LIVE_MARK_ID));
      // A batch or a deletion these counts have not seen yet: a later snapshot will be taken after it.
      if (!live || seen !== epoch || mark !== live.seq) return;
      const row: LivePersonaRow = { id: LIVE_PERSONA_ID, kind: 'persona-live', seq: live.seq, savedAt: Date.now(), acc: live.acc };
      await tx.store.put(row);
      await tx.done;
    });

  function schedule(): void {
    publishTimer ??= setTimeout(() => {
      publishTimer = null;
      void publish().catch(() => {});
    }, publishMs);
    snapshotTimer ??= setTimeout(() => {
      snapshotTimer = null;
      void snapshot().catch(() => {});
    }, snapshotMs);
  }

  const sink: PersonaSink = {
    changed({ seq, after }, changes) {
      void serially(async () => {
        if (!(await (await db()).count('personas'))) return;
        // Neither this batch nor one these counts have seen came last: records went or came another way.
        if (live && live.seq < after) live = null;
        const seen = epoch;
        if (!live) {
          const loaded = await load({ seq, after });
          if (seen !== epoch) return;
          live ??= loaded;
        }
        if (seq <= live.seq) {
          // Committed before the counts' mark: only what the count's pages read before it committed is missing.
          const { counted } = live;
          if (!counted) return;
          for (const change of changes) if (!counted(change, seq)) applyRecord(live.acc, change.item, change.sign);
          schedule();
          return;
        }
        for (const { item, sign } of changes) applyRecord(live.acc, item, sign);
        live.seq = seq;
        schedule();
      }).catch(() => {});
    },
    invalidated() {
      epoch++;
      live = null;
    },
  };

  return {
    ...sink,
    /** Resolves once every change heard so far is in the document and the saved counts (tests, the bench). */
    async settled(): Promise<void> {
      await chain;
      await publish();
      await snapshot();
    },
  };
};

export type LivePersona = ReturnType<typeof createLivePersona>;
