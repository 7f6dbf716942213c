import type { IDBPDatabase } from 'idb';
import { approxBytes, retentionWalk, type RetentionPolicy } from '../../core/capture/retention';
import type { PersonaRecord } from '../../core/persona/accumulator';
import { DERIVED_STORES, forgetDerived, forgottenOf, type Forgotten } from './forget';
import { personaRecordOf, removeFromLiveCounts, type LiveRemoval } from './persona-live-rows';
import type { DoppelDb } from './schema';

const STORES = ['pages', 'writings', 'reactions'] as const;
type Store = (typeof STORES)[number];
type AnyRecord = DoppelDb[Store]['value'];

interface Cursor {
  value: AnyRecord;
  delete(): Promise<void>;
  continue(): Promise<Cursor | null>;
}

const touchedAt = (record: AnyRecord): number => ('lastVisit' in record ? record.lastVisit : 'createdAt' in record ? record.createdAt : record.at) || 0;

/**
 * Deletes, oldest first, what the policy no longer allows, with each record's term vector and the
 * jobs, reports and checkpoints built from it, in one transaction. The three stores are walked
 * together through their time indexes, so only the records that go (and the next one of each
 * store) are read; `totalBytes` is the stores' size as the storage summary estimates it.
 * Returns the ids that went, and what the live persona is to hear of it.
 */
export const deleteExpired = async (d: IDBPDatabase<DoppelDb>, policy: RetentionPolicy, now: number, totalBytes: number): Promise<{ ids: string[]; live?: LiveRemoval }> => {
  if (policy.maxAgeDays <= 0 && policy.maxBytes <= 0) return { ids: [] };
  const goes = retentionWalk(policy, now, totalBytes);
  const tx = d.transaction([...STORES, 'searchLog' as const, ...DERIVED_STORES], 'readwrite');
  // Each store by its time index, in STORES order: the key retention and the newest-first lists order by.
  const cursors = (await Promise.all([
    tx.objectStore('pages').index('byLastVisit').openCursor(),
    tx.objectStore('writings').index('byCreatedAt').openCursor(),
    tx.objectStore('reactions').index('byAt').openCursor(),
  ])) as (Cursor | null)[];
  const ids: string[] = [];
  const forgotten: Forgotten[] = [];
  const removed: PersonaRecord[] = [];
  for (;;) {
    let oldest = -1;
    for (const [i, cursor] of cursors.entries()) {
      if (cursor && (oldest < 0 || touchedAt(cursor.value) < touchedAt(cursors[oldest]!.value))) oldest = i;
    }
    const cursor = cursors[oldest];
    if (!cursor) break;
    const record = cursor.value;
    if (!goes({ at: touchedAt(record), bytes: approxBytes(record) })) break;
    ids.push(record.id);
    forgotten.push(forgottenOf(STORES[oldest]!, record as unknown as Forgotten));
    removed.push(personaRecordOf(STORES[oldest]!, record));
    await cursor.delete();
    cursors[oldest] = await cursor.continue();
  }
  if (ids.length) await tx.objectStore('searchLog').add({ docs: [], removed: ids });
  await forgetDerived(tx, forgotten);
  const live = await removeFromLiveCounts(tx, removed);
  await tx.done;
  return live ? { ids, live } : { ids };
};
