import MiniSearch from 'minisearch';
import type { Evidence } from './evidence';
import { STOPWORDS } from './stopwords';

export interface RetrieveQuery {
  /** Words of the text at hand (the selection, the page, the question). */
  text: string;
  /** The site the task is on: records from it rank higher. */
  site?: string;
}

const QUERY_CHARS = 2000;
const SAME_SITE_BOOST = 1.5;

/**
 * Full-text retrieval (BM25 via minisearch) of the records most similar in topic to the query,
 * boosted when they come from the same site. Unless `fill` is false, same-site and then newest
 * records fill the rest, so a drafting task is never left with nothing when history exists.
 */
export const retrieve = (items: Evidence[], query: RetrieveQuery, limit: number, options: { fill?: boolean } = {}): Evidence[] => {
  if (items.length === 0 || limit <= 0) return [];
  const index = new MiniSearch<Evidence>({
    fields: ['text', 'label', 'site'],
    storeFields: [],
    idField: 'id',
    processTerm: (term) => {
      const lower = term.toLowerCase();
      return STOPWORDS.has(lower) ? null : lower;
    },
  });
  const unique = [...new Map(items.map((item) => [item.id, item])).values()];
  index.addAll(unique);
  const byId = new Map(unique.map((item) => [item.id, item]));
  const hits = index
    .search(query.text.slice(0, QUERY_CHARS), { fuzzy: false, prefix: false, combineWith: 'OR' })
    .map((hit) => ({ item: byId.get(String(hit.id))!, score: hit.score * (query.site && byId.get(String(hit.id))!.site === query.site ? SAME_SITE_BOOST : 1) }))
    .sort((a, b) => b.score - a.score)
    .map((hit) => hit.item);
  const chosen = new Set(hits.slice(0, limit));
  if (options.fill === false) return [...chosen];
  const rest = unique.filter((item) => !chosen.has(item)).sort((a, b) => Number(b.site === query.site) - Number(a.site === query.site) || b.at - a.at);
  for (const item of rest) {
    if (chosen.size >= limit) break;
    chosen.add(item);
  }
  return [...chosen];
};
