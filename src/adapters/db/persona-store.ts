import type { IDBPDatabase } from 'idb';
import type { PersonaRecord } from '../../core/persona/accumulator';
import { withoutRecord } from '../../core/persona/claims';
import { REBUILD_STATE_ID, type RebuildState } from '../../core/persona/rebuild';
import type { PersonaDoc } from '../../core/persona/types';
import type { PersonaSink } from './persona-live';
import { personaRecordOf, removeFromLiveCounts } from './persona-live-rows';
import type { DoppelDb } from './schema';

/** Older versions kept beside the newest, so a bad rebuild can be inspected. */
const KEEP_VERSIONS = 5;
const RECORD_STORES = ['pages', 'writings', 'reactions'] as const;

/**
 * Versioned persona documents, and the one persisted rebuild job. The job's checkpoint lives in the
 * pipelines store, so the personas store holds documents only: export, import and the fidelity
 * report read it as PersonaDoc[].
 */
/** `live` (the live persona) hears of the records `forgetRecord` takes out of its counts. */
export const createPersonaStore = (db: () => Promise<IDBPDatabase<DoppelDb>>, live?: PersonaSink) => {
  const latest = async (): Promise<PersonaDoc | undefined> => {
    let cursor = await (await db()).transaction('personas').store.index('byCreatedAt').openCursor(null, 'prev');
    let best: PersonaDoc | undefined;
    while (cursor) {
      if (!best || cursor.value.version > best.version) best = cursor.value;
      cursor = await cursor.continue();
    }
    return best;
  };
  return {
    latest,
    async save(doc: PersonaDoc): Promise<void> {
      const tx = (await db()).transaction('personas', 'readwrite');
      await tx.store.put(doc);
      const docs = (await tx.store.getAll()).sort((a, b) => b.version - a.version);
      for (const old of docs.slice(KEEP_VERSIONS)) await tx.store.delete(old.id);
      await tx.done;
    },
    async state(): Promise<RebuildState | undefined> {
      const row = await (await db()).get('pipelines', REBUILD_STATE_ID);
      return row?.kind === 'persona-rebuild' ? row : undefined;
    },
    async saveState(state: RebuildState): Promise<void> {
      await (await db()).put('pipelines', state);
    },
    /** Applies `change` to the newest document in one transaction, so a rebuild saving meanwhile is not overwritten. */
    async update(change: (doc: PersonaDoc) => PersonaDoc): Promise<PersonaDoc | undefined> {
      const tx = (await db()).transaction('personas', 'readwrite');
      const docs = (await tx.store.getAll()).sort((a, b) => b.version - a.version);
      const doc = docs[0];
      if (!doc) return undefined;
      const next = change(doc);
      await tx.store.put(next);
      await tx.done;
      return next;
    },
    async records(): Promise<PersonaRecord[]> {
      const handle = await db();
      const [pages, writings, reactions] = await Promise.all(RECORD_STORES.map((store) => handle.getAll(store)));
      return [
        ...(pages as DoppelDb['pages']['value'][]).map((record) => ({ type: 'page' as const, record })),
        ...(writings as DoppelDb['writings']['value'][]).map((record) => ({ type: 'writing' as const, record })),
        ...(reactions as DoppelDb['reactions']['value'][]).map((record) => ({ type: 'reaction' as const, record })),
      ];
    },
    /** What each id is, for linking a claim to its evidence; unknown ids are left out. */
    async evidence(ids: string[]): Promise<{ id: string; type: 'page' | 'writing' | 'reaction'; site: string; url: string; title: string; at: number }[]> {
      const handle = await db();
      const out = [];
      for (const id of ids.slice(0, 200)) {
        const page = await handle.get('pages', id);
        if (page) { out.push({ id, type: 'page' as const, site: page.site, url: page.url, title: page.title, at: page.lastVisit }); continue; }
        const writing = await handle.get('writings', id);
        if (writing) { out.push({ id, type: 'writing' as const, site: writing.site, url: writing.url, title: writing.text.slice(0, 140), at: writing.createdAt }); continue; }
        const reaction = await handle.get('reactions', id);
        if (reaction) out.push({ id, type: 'reaction' as const, site: reaction.site, url: reaction.url, title: reaction.kind, at: reaction.at });
      }
      return out;
    },
    /** Deletes a record wherever it is stored, and the claims only it supported from every document. */
    async forgetRecord(id: string): Promise<boolean> {
      const tx = (await db()).transaction(['pages', 'writings', 'reactions', 'personas', 'pipelines'] as const, 'readwrite');
      const removed: PersonaRecord[] = [];
      for (const store of RECORD_STORES) {
        const record = await tx.objectStore(store).get(id);
        if (record) {
          removed.push(personaRecordOf(store, record));
          await tx.objectStore(store).delete(id);
        }
      }
      const removal = await removeFromLiveCounts(tx, removed);
      const personas = tx.objectStore('personas');
      for (const doc of await personas.getAll()) await personas.put(withoutRecord(doc, id));
      await tx.done;
      if (removal) live?.changed(removal.mark, removal.changes);
      return removed.length > 0;
    },
  };
};

export type PersonaStore = ReturnType<typeof createPersonaStore>;
