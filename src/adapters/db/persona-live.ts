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
const SCAN_PAGE = 500;

export interface LivePersonaOptions {
  /** How soon the document shows a change (changes within it are shown together). */
  publishMs?: number;
  /** How soon the counts are saved, so the next service-worker life need not read every record again. */
  snapshotMs?: number;
}

/**
 * Keeps the newest persona document's measured layer (style card, interests, sites, rhythm) current
 * as records are captured, without a rebuild: each record is added to the persona's counts
 * (accumulator.ts) in milliseconds. The counts live in memory and are saved to the pipelines store
 * now and then; a saved copy counts only if it was taken at the newest ingest mark, otherwise they
 * are counted again from the records in one read transaction. Nothing happens until a persona exists.
 */
export const createLivePersona = (db: Db, options: LivePersonaOptions = {}) => {
  const publishMs = options.publishMs ?? 500;
  const snapshotMs = options.snapshotMs ?? 2000;
  let live: { acc: PersonaAcc; seq: number } | null = null;
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

  // One read transaction: a batch cannot commit half-way through it, so the counts match the mark read with them.
  const count = async (): Promise<{ acc: PersonaAcc; seq: number }> => {
    const tx = (await db()).transaction(['pages', 'writings', 'reactions', 'pipelines']);
    const seq = markSeq(await tx.objectStore('pipelines').get(LIVE_MARK_ID));
    const acc = emptyPersonaAcc();
    for (const store of STORES) {
      let after: string | undefined;
      for (;;) {
        const rows = await tx.objectStore(store).getAll(after === undefined ? null : IDBKeyRange.lowerBound(after, true), SCAN_PAGE);
        if (!rows.length) break;
        for (const record of rows) applyRecord(acc, personaRecordOf(store, record));
        after = rows[rows.length - 1]!.id;
      }
    }
    await tx.done;
    return { acc, seq };
  };

  /**
   * The counts as of mark `after` (the mark the batch being applied followed) or `seq` (a deletion
   * that took its records out of the saved counts itself), or counted afresh.
   */
  const load = async ({ seq, after }: { seq: number; after: number }): Promise<{ acc: PersonaAcc; seq: number }> => {
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
        // Counted already: the records were read after this batch committed.
        if (seq <= live.seq) return;
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
