import type { IDBPTransaction, StoreNames } from 'idb';
import { withoutRecord } from '../../core/persona/claims';
import type { PersonaDoc } from '../../core/persona/types';
import { defang } from '../../core/prompting/fence';
import type { DoppelDb } from './schema';

/** What identifies a deleted record inside the things built from it. */
export interface Forgotten {
  id: string;
  url?: string;
  text?: string;
}

/** Stores that hold copies of, or pointers to, user records: prompts, outputs, reports, checkpoints, personas. */
export const DERIVED_STORES = ['jobs', 'reports', 'pipelines', 'personas'] as const;
const DELETED_WHOLE = ['jobs', 'reports', 'pipelines'] as const;

// Shorter texts ("ok", "thanks") would match unrelated prompts; those are found by id and URL only.
const MIN_TEXT = 24;
const PRINT = 60;
const squash = (s: string) => defang(s).replace(/\s+/g, ' ').trim();

/** A record's text appears in prompts clipped, fenced and defanged: match its opening, squashed. */
export const fingerprints = (records: readonly Forgotten[]) => {
  const ids = new Set(records.map((r) => r.id));
  // Short ids could be part of other ids; only long (uuid) ids are looked for inside keys and strings.
  const longIds = [...ids].filter((id) => id.length >= 16);
  const urls = new Set(records.flatMap((r) => (r.url ? [r.url] : [])));
  const prints = records.flatMap((r) => {
    const t = r.text ? squash(r.text) : '';
    return t.length >= MIN_TEXT ? [t.slice(0, PRINT)] : [];
  });
  const strings: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') strings.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) (strings.push(k), walk(v));
  };
  return {
    /** Whether `value` cites, points at or quotes any forgotten record. */
    touches(value: unknown): boolean {
      strings.length = 0;
      walk(value);
      if (strings.some((s) => ids.has(s) || urls.has(s) || longIds.some((id) => s.includes(id)))) return true;
      if (!prints.length) return false;
      const hay = squash(strings.join(' '));
      return prints.some((p) => hay.includes(p));
    },
  };
};

type Tx = IDBPTransaction<DoppelDb, ArrayLike<StoreNames<DoppelDb>>, 'readwrite'>;

/**
 * Deletes every job, report and checkpoint built from a forgotten record and drops the persona
 * claims it alone supported, in the caller's transaction: a deleted record leaves no copy of its
 * text in a prompt and no pointer to it. Returns how many jobs, reports and checkpoints went.
 */
export const forgetDerived = async (tx: Tx, records: readonly Forgotten[]): Promise<number> => {
  if (!records.length) return 0;
  const match = fingerprints(records);
  let removed = 0;
  for (const name of DELETED_WHOLE) {
    let cursor = await tx.objectStore(name).openCursor();
    while (cursor) {
      if (match.touches(cursor.value)) {
        await cursor.delete();
        removed++;
      }
      cursor = await cursor.continue();
    }
  }
  const personas = tx.objectStore('personas');
  for (const doc of await personas.getAll()) {
    const kept = records.reduce((d, r) => withoutRecord(d, r.id), doc as unknown as PersonaDoc);
    await personas.put(kept as unknown as DoppelDb['personas']['value']);
  }
  return removed;
};

/** A page is also found by its address; a writing or reaction only by its id and text (its URL is the page's). */
export const forgottenOf = (store: string, record: { id: string; url?: string; text?: string }): Forgotten => ({
  id: record.id,
  ...(store === 'pages' && record.url ? { url: record.url } : {}),
  ...(record.text ? { text: record.text } : {}),
});
