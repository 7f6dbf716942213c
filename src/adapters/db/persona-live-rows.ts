import type { IDBPTransaction, StoreNames } from 'idb';
import type { PersonaAcc } from '../../core/persona/accumulator';
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
