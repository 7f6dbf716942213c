import type { PageRecord, ReactionKind, ReactionRecord, WritingRecord } from '../model/records';
import type { PersonaDoc } from '../persona/types';

/** Everything the protocol reads: the same shape as a DoppelExport's records. */
export interface FidelityHistory {
  pages: readonly PageRecord[];
  writings: readonly WritingRecord[];
  reactions: readonly ReactionRecord[];
  personas: readonly PersonaDoc[];
}

/** The reaction options, in a fixed order: a predictor returns one probability per option. */
export const REACTION_OPTIONS: readonly ReactionKind[] = ['long-read', 'bounce', 'scroll', 'bookmark', 'reply', 'copy', 'like', 'upvote', 'share'];

export interface DraftItem {
  id: string;
  site: string;
  /** What the user replied to: the quoted text, or the page they wrote on. */
  context: string;
  /** What the user actually wrote. */
  reference: string;
  /** The kind of reply: to the page itself (an answer, a top-level comment) rather than to a post on it. Unknown without the page. */
  toPage?: boolean;
}

const opening = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, 60).toLowerCase();

/** Whether a writing answers the page it was written on (its reply-to is the page's opening) rather than a post on it; undefined without the page. */
export const repliesToPage = (writing: Pick<WritingRecord, 'replyTo'>, page: PageRecord | undefined): boolean | undefined => {
  if (!writing.replyTo) return true;
  if (!page) return undefined;
  const quoted = opening(writing.replyTo);
  return quoted.length > 0 && opening(page.text).startsWith(quoted.slice(0, 40));
};

export interface ReactionItem {
  id: string;
  site: string;
  url: string;
  title: string;
  text: string;
  /** Index into REACTION_OPTIONS of what the user did. */
  truth: number;
}

/** Scroll depth (0–1) the user reached: the numeric task. */
export interface NumericItem {
  id: string;
  site: string;
  url: string;
  title: string;
  text: string;
  actual: number;
}

export const pageLookup = (pages: readonly PageRecord[]) => {
  const byId = new Map(pages.map((p) => [p.id, p]));
  const byUrl = new Map(pages.map((p) => [p.url, p]));
  return (ref: { pageId?: string; url: string }): PageRecord | undefined => (ref.pageId ? byId.get(ref.pageId) : undefined) ?? byUrl.get(ref.url);
};

export const draftItems = (writings: readonly WritingRecord[], pages: readonly PageRecord[]): DraftItem[] => {
  const find = pageLookup(pages);
  return writings.map((w) => {
    const quoted = w.replyTo ? (find({ pageId: w.replyTo, url: w.replyTo })?.text ?? w.replyTo) : undefined;
    const page = find({ url: w.url });
    const toPage = repliesToPage(w, page);
    return { id: w.id, site: w.site, context: quoted ?? page?.text ?? '', reference: w.text, ...(toPage === undefined ? {} : { toPage }) };
  });
};

export const reactionItems = (reactions: readonly ReactionRecord[], pages: readonly PageRecord[]): ReactionItem[] => {
  const find = pageLookup(pages);
  return reactions.map((r) => {
    const page = find(r);
    return { id: r.id, site: r.site, url: r.url, title: page?.title ?? r.site, text: page?.text ?? '', truth: REACTION_OPTIONS.indexOf(r.kind) };
  });
};

export const numericItems = (reactions: readonly ReactionRecord[], pages: readonly PageRecord[]): NumericItem[] => {
  const find = pageLookup(pages);
  return reactions
    .filter((r) => r.kind === 'scroll' && typeof r.value === 'number' && r.value >= 0 && r.value <= 1)
    .map((r) => {
      const page = find(r);
      return { id: r.id, site: r.site, url: r.url, title: page?.title ?? r.site, text: page?.text ?? '', actual: r.value! };
    });
};
