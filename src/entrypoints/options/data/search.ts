import MiniSearch from 'minisearch';

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

type AnyRecord = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : '');

export const toRow = (store: 'pages' | 'writings' | 'reactions', r: AnyRecord): Row => {
  if (store === 'pages') return { id: str(r.id), title: str(r.title), detail: str(r.text), site: str(r.site), at: Number(r.lastVisit) };
  if (store === 'writings') return { id: str(r.id), title: str(r.text), detail: str(r.replyTo), site: str(r.site), at: Number(r.createdAt) };
  return { id: str(r.id), title: `${str(r.kind)}${r.value !== undefined ? ` (${String(r.value)})` : ''}`, detail: str(r.url), site: str(r.site), at: Number(r.at) };
};
