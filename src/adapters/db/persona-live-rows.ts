import type { IDBPTransaction, StoreNames } from 'idb';
import { applyRecord, type PersonaAcc, type PersonaRecord } from '../../core/persona/accumulator';
import type { DoppelDb } from './schema';

/** The live persona's counts as of ingest batch `seq`, in the pipelines store. */
export interface LivePersonaRow {
  id: 'persona-live';
  kind: 'persona-live';
  seq: number;
  savedAt: number;
  acc: PersonaAcc;
}

/** Written by every ingest batch in its own transaction: a snapshot whose `seq` differs missed a batch. */
export interface LiveMarkRow {
  id: 'persona-live-mark';
  kind: 'persona-live-mark';
  seq: number;
}

export const LIVE_PERSONA_ID = 'persona-live' as const;
export const LIVE_MARK_ID = 'persona-live-mark' as const;

let lastSeq = 0;
/** Increasing across service-worker lives (microseconds since the epoch), and within one by at least 1. */
export const nextLiveSeq = (): number => (lastSeq = Math.max(Date.now() * 1000, lastSeq + 1));

/**
 * For a transaction that deletes or imports records: the saved counts (which hold a deleted record's
 * phrases and id) go with them, and the new mark keeps any counts taken before from being saved or shown.
 */
export const forgetLiveCounts = (tx: IDBPTransaction<DoppelDb, ArrayLike<StoreNames<DoppelDb>>, 'readwrite'>): void => {
  const store = tx.objectStore('pipelines');
  // A failed request fails the caller's transaction, which is where its error is heard.
  store.delete(LIVE_PERSONA_ID).catch(() => {});
  store.put({ id: LIVE_MARK_ID, kind: 'persona-live-mark', seq: nextLiveSeq() }).catch(() => {});
};

const TYPE_OF = { pages: 'page', writings: 'writing', reactions: 'reaction' } as const;

/** A stored record as the persona's counts take it: which kind it is follows from its store. */
export const personaRecordOf = (store: keyof typeof TYPE_OF, record: unknown): PersonaRecord => ({ type: TYPE_OF[store], record }) as PersonaRecord;

/** What a deleting transaction tells the live persona once it commits: a batch of removals, like an ingest batch. */
export interface LiveRemoval {
  mark: { seq: number; after: number };
  changes: { item: PersonaRecord; sign: -1 }[];
}

/**
 * For a transaction that deletes records: moves the mark and, when the saved counts are at the mark
 * (the usual case), takes the records out of them in the same transaction, so the next capture goes
 * on from them instead of counting every record again. Saved counts behind the mark go instead: they
 * could hold a deleted record's id and phrases. Nothing happens when nothing was deleted.
 */
export const removeFromLiveCounts = async (tx: IDBPTransaction<DoppelDb, ArrayLike<StoreNames<DoppelDb>>, 'readwrite'>, removed: readonly PersonaRecord[]): Promise<LiveRemoval | undefined> => {
  if (!removed.length) return undefined;
  const store = tx.objectStore('pipelines');
  const [mark, saved] = await Promise.all([store.get(LIVE_MARK_ID), store.get(LIVE_PERSONA_ID)]);
  const after = mark?.kind === 'persona-live-mark' ? mark.seq : 0;
  const seq = nextLiveSeq();
  const changes = removed.map((item) => ({ item, sign: -1 as const }));
  await store.put({ id: LIVE_MARK_ID, kind: 'persona-live-mark', seq });
  if (saved?.kind === 'persona-live' && saved.seq === after) {
    for (const { item } of changes) applyRecord(saved.acc, item, -1);
    await store.put({ ...saved, seq, savedAt: Date.now() });
  } else if (saved) await store.delete(LIVE_PERSONA_ID);
  return { mark: { seq, after }, changes };
};
