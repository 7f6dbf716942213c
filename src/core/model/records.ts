/** A page the user read. The URL is stored without query or fragment. */
export interface PageRecord {
  id: string;
  url: string;
  site: string;
  title: string;
  text: string;
  lang?: string;
  contentHash: string;
  firstVisit: number;
  lastVisit: number;
  visitCount: number;
  dwellMs: number;
  maxScroll: number;
  /** The content script's id for the visit that last stored this page: a capture sent again after the service worker died mid-request is not a second visit. */
  lastVisitId?: string;
  demo?: boolean;
}

/** Text the user wrote and sent, the strongest evidence of their style. */
export interface WritingRecord {
  id: string;
  url: string;
  site: string;
  text: string;
  replyTo?: string;
  source: 'form' | 'contenteditable' | 'handed' | 'feedback';
  createdAt: number;
  demo?: boolean;
}

/**
 * Whether the user wrote this. A `feedback` writing is what they sent after inserting a Doppel
 * draft: it starts as model output, so it is kept (and shown) as feedback on the draft but never
 * counts as evidence of how the user writes (style card, interests, examples, fidelity references).
 */
export const writtenByUser = (writing: Pick<WritingRecord, 'source'>): boolean => writing.source !== 'feedback';

export type PageSummary = Pick<PageRecord, 'id' | 'url' | 'site' | 'title' | 'lastVisit' | 'visitCount' | 'demo'>;

export const summarizePage = (page: PageRecord): PageSummary => ({
  id: page.id,
  url: page.url,
  site: page.site,
  title: page.title,
  lastVisit: page.lastVisit,
  visitCount: page.visitCount,
  ...(page.demo ? { demo: true } : {}),
});

/** What the user visibly did with a page: the ground truth that reaction predictions are scored against. */
export type ReactionKind = 'long-read' | 'bounce' | 'scroll' | 'bookmark' | 'reply' | 'copy' | 'like' | 'upvote' | 'share';

export interface ReactionRecord {
  id: string;
  url: string;
  site: string;
  pageId?: string;
  kind: ReactionKind;
  /** Kind-specific measure: dwell ms for reads, scroll depth 0–1, characters copied. */
  value?: number;
  at: number;
  demo?: boolean;
}
