/** One stored record as Options lists it: enough to recognise, search and delete it. */
export interface RecordRow {
  id: string;
  /** The main text shown and searched. */
  title: string;
  detail: string;
  site: string;
  at: number;
}

const TITLE_CHARS = 300;
const DETAIL_CHARS = 200;

type AnyRecord = Record<string, unknown>;
const str = (v: unknown, max: number) => (typeof v === 'string' ? v.slice(0, max) : '');

/** A row is cut short, so listing 50k records sends kilobytes per hundred, not the pages' text. */
export const toRow = (store: 'pages' | 'writings' | 'reactions', r: AnyRecord): RecordRow => {
  const id = typeof r.id === 'string' ? r.id : '';
  if (store === 'pages') return { id, title: str(r.title, TITLE_CHARS), detail: str(r.text, DETAIL_CHARS), site: str(r.site, TITLE_CHARS), at: Number(r.lastVisit) };
  if (store === 'writings') return { id, title: str(r.text, TITLE_CHARS), detail: str(r.replyTo, DETAIL_CHARS), site: str(r.site, TITLE_CHARS), at: Number(r.createdAt) };
  return { id, title: `${str(r.kind, 40)}${r.value !== undefined ? ` (${String(r.value)})` : ''}`, detail: str(r.url, DETAIL_CHARS), site: str(r.site, TITLE_CHARS), at: Number(r.at) };
};
