import type { IDBPDatabase } from 'idb';
import type { PageRecord, ReactionRecord, WritingRecord } from '../../core/model/records';
import { newestFirst } from './newest';
import type { DoppelDb } from './schema';
import type { SearchIndex } from './search-index';

export interface EvidencePool {
  writings: WritingRecord[];
  pages: PageRecord[];
  reactions: ReactionRecord[];
}

/** Best matches over the whole history; the task's own ranking picks its evidence among them. */
const MATCHES = 80;
/** Writings are a draft's examples: they get their own share, so pages never crowd them out. */
const WRITING_MATCHES = 30;
/** The newest few of each kind, so a task with no topical match still has recent context. */
const NEWEST = 20;

/**
 * The records a task may cite: the whole-history index's best matches for what the task is
 * about, plus the newest few of each kind, read by id, never the whole store.
 */
export const evidencePool = async (db: () => Promise<IDBPDatabase<DoppelDb>>, search: SearchIndex, query: string, site?: string): Promise<EvidencePool> => {
  const [hits, writingHits] = query.trim()
    ? await Promise.all([search.search(query, { limit: MATCHES, ...(site ? { site } : {}) }), search.search(query, { limit: WRITING_MATCHES, kinds: ['writing'], ...(site ? { site } : {}) })])
    : [[], []];
  const d = await db();
  const ids = { page: new Set<string>(), writing: new Set<string>(), reaction: new Set<string>() };
  for (const hit of [...hits, ...writingHits]) ids[hit.kind].add(hit.id);
  const tx = d.transaction(['pages', 'writings', 'reactions']);
  const read = async <T>(store: 'pages' | 'writings' | 'reactions', wanted: Set<string>): Promise<T[]> =>
    (await Promise.all([...wanted].map((id) => tx.objectStore(store).get(id)))).filter((r) => r !== undefined) as T[];
  const [pages, writings, reactions] = await Promise.all([read<PageRecord>('pages', ids.page), read<WritingRecord>('writings', ids.writing), read<ReactionRecord>('reactions', ids.reaction)]);
  const [newPages, newWritings, newReactions] = await Promise.all([
    newestFirst(d, 'pages', 'byLastVisit', NEWEST),
    newestFirst(d, 'writings', 'byCreatedAt', NEWEST),
    newestFirst(d, 'reactions', 'byAt', NEWEST),
  ]);
  const merge = <T extends { id: string }>(a: T[], b: T[]) => [...new Map([...a, ...b].map((r) => [r.id, r])).values()];
  return { pages: merge(pages, newPages), writings: merge(writings, newWritings), reactions: merge(reactions, newReactions) };
};
