import type { IDBPDatabase } from 'idb';
import { summarizePage, type PageRecord, type PageSummary } from '../../core/model/records';
import { newestFirst } from './newest';
import type { DoppelDb } from './schema';

export interface NewPage {
  url: string;
  site: string;
  title: string;
  text: string;
  lang?: string;
  contentHash: string;
  at: number;
  visitId?: string;
}

/** A revisit of the same address updates counts and times instead of storing a copy. */
export const mergePage = (existing: PageRecord | undefined, page: NewPage): PageRecord =>
  existing
    ? {
        ...existing,
        url: page.url,
        title: page.title,
        text: page.text,
        lang: page.lang ?? existing.lang,
        contentHash: page.contentHash,
        lastVisit: page.at,
        visitCount: page.visitId !== undefined && page.visitId === existing.lastVisitId ? existing.visitCount : existing.visitCount + 1,
        ...(page.visitId !== undefined ? { lastVisitId: page.visitId } : {}),
      }
    : {
        id: crypto.randomUUID(),
        url: page.url,
        site: page.site,
        title: page.title,
        text: page.text,
        lang: page.lang,
        contentHash: page.contentHash,
        firstVisit: page.at,
        lastVisit: page.at,
        visitCount: 1,
        dwellMs: 0,
        maxScroll: 0,
        ...(page.visitId !== undefined ? { lastVisitId: page.visitId } : {}),
      };

export const createPageStore = (db: () => Promise<IDBPDatabase<DoppelDb>>) => ({
  async upsert(page: NewPage): Promise<PageRecord> {
    const tx = (await db()).transaction('pages', 'readwrite');
    const existing = await tx.store.index('byUrl').get(page.url);
    const record = mergePage(existing, page);
    await tx.store.put(record);
    await tx.done;
    return record;
  },

  async byUrl(url: string): Promise<PageRecord | undefined> {
    return (await db()).getFromIndex('pages', 'byUrl', url);
  },

  async recent(limit: number): Promise<PageSummary[]> {
    const out: PageSummary[] = [];
    let cursor = await (await db()).transaction('pages').store.index('byLastVisit').openCursor(null, 'prev');
    while (cursor && out.length < limit) {
      out.push(summarizePage(cursor.value));
      cursor = await cursor.continue();
    }
    return out;
  },
  /**
   * Rows `offset` to `offset + limit` of every page, last visited first, and how many there are: the
   * History list asks for the rows it shows, so 50k pages are never read at once.
   */
  async window(offset: number, limit: number): Promise<{ total: number; pages: PageSummary[] }> {
    const tx = (await db()).transaction('pages');
    const total = await tx.store.count();
    const pages: PageSummary[] = [];
    let cursor = await tx.store.index('byLastVisit').openCursor(null, 'prev');
    if (cursor && offset > 0) cursor = await cursor.advance(offset);
    while (cursor && pages.length < limit) {
      pages.push(summarizePage(cursor.value));
      cursor = await cursor.continue();
    }
    return { total, pages };
  },
  /** Whole records, newest first: the evidence tasks retrieve from. */
  recentRecords: async (limit: number): Promise<PageRecord[]> => newestFirst(await db(), 'pages', 'byLastVisit', limit),
});

export type PageStore = ReturnType<typeof createPageStore>;
