import MiniSearch from 'minisearch';
import type { PageRecord, ReactionRecord, WritingRecord } from '../../../core/model/records';

export interface Row {
  id: string;
  /** The main text shown and searched. */
  title: string;
  detail: string;
  site: string;
  at: number;
}

/** Full-text search over the loaded records, fuzzy and by prefix, so "tid pow" finds "tidal power". */
export const searchRows = (rows: readonly Row[], query: string): Row[] => {
  if (!query.trim()) return [...rows];
  const index = new MiniSearch<Row>({ fields: ['title', 'detail', 'site'], storeFields: [], searchOptions: { prefix: true, fuzzy: 0.2, combineWith: 'AND' } });
  index.addAll(rows);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return index.search(query).flatMap((hit) => byId.get(String(hit.id)) ?? []);
};

/** Tells the three record kinds apart by a field only that kind has. */
export const toRow = (r: PageRecord | WritingRecord | ReactionRecord): Row => {
  if ('lastVisit' in r) return { id: r.id, title: r.title, detail: r.text, site: r.site, at: r.lastVisit };
  if ('createdAt' in r) return { id: r.id, title: r.text, detail: r.replyTo ?? '', site: r.site, at: r.createdAt };
  return { id: r.id, title: `${r.kind}${r.value !== undefined ? ` (${String(r.value)})` : ''}`, detail: r.url, site: r.site, at: r.at };
};
