import type { RecordRow } from '../../../core/model/record-row';

export type Row = RecordRow;
export { toRow } from '../../../core/model/record-row';

export interface SearchableRows {
  rows: readonly Row[];
  /** Each row's title, detail and site, lowercased once. */
  haystacks: string[];
}

/** Lowercases every row once, so each keystroke's search is a scan, not a rebuild. */
export const searchable = (rows: readonly Row[]): SearchableRows => ({ rows, haystacks: rows.map((r) => `${r.title}\n${r.detail}\n${r.site}`.toLowerCase()) });

const wordsOf = (query: string) => query.toLowerCase().split(/\s+/).filter(Boolean);

/** A search's answer, kept so that the next keystroke can search within it. */
export interface SearchResult {
  data: SearchableRows;
  words: string[];
  /** Positions in `data.rows` of the rows found. */
  indices: number[];
  rows: Row[];
}

/**
 * Every row a query for `words` finds was found by `previous` when each earlier word is inside one
 * of the new words: typing on ("ti" → "tid" → "tid pow") only ever narrows.
 */
const narrows = (previous: string[], words: string[]) => previous.length > 0 && previous.every((p) => words.some((w) => w.includes(p)));

/**
 * Rows holding every word of the query, each as a prefix of a word or anywhere inside one, so
 * "tid pow" finds "tidal power". A linear scan over precomputed lowercased text, no index to build
 * when the list loads; given the last keystroke's result it scans only the rows that one found.
 */
export const refineSearch = (data: SearchableRows, query: string, previous?: SearchResult | null): SearchResult => {
  const words = wordsOf(query);
  if (!words.length) return { data, words, indices: data.rows.map((_, i) => i), rows: [...data.rows] };
  const within = previous && previous.data === data && narrows(previous.words, words) ? previous.indices : null;
  const indices: number[] = [];
  const n = within ? within.length : data.rows.length;
  for (let k = 0; k < n; k++) {
    const i = within ? within[k]! : k;
    const text = data.haystacks[i]!;
    if (words.every((w) => text.includes(w))) indices.push(i);
  }
  return { data, words, indices, rows: indices.map((i) => data.rows[i]!) };
};

export const searchRows = (rows: readonly Row[] | SearchableRows, query: string): Row[] =>
  refineSearch(Array.isArray(rows) ? searchable(rows as readonly Row[]) : (rows as SearchableRows), query).rows;
