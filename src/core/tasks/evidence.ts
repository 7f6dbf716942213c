import type { PageRecord, ReactionRecord, WritingRecord } from '../model/records';
import type { Claim } from '../persona/types';

/** A record a task's prompt was built from: the user can follow it back to what Doppel saw. */
export interface Evidence {
  /** The id of the page, writing, reaction or persona claim. */
  id: string;
  kind: 'page' | 'writing' | 'reaction' | 'claim';
  site: string;
  /** Shown to the user as the evidence's name (a page title, the start of a writing). */
  label: string;
  /** What goes into the prompt. */
  text: string;
  /** http(s) address of the page or writing, when there is one. */
  url?: string;
  at: number;
  /** A writing's own words and what it answered: a small model learns a voice from such pairs. */
  writing?: { text: string; replyTo?: string };
}

const LABEL_CHARS = 80;
const PAGE_CHARS = 400;
const WRITING_CHARS = 500;

const start = (text: string, chars: number) => (text.length > chars ? `${text.slice(0, chars).trimEnd()}…` : text);

export const pageEvidence = (page: PageRecord): Evidence => ({
  id: page.id,
  kind: 'page',
  site: page.site,
  label: start(page.title || page.site, LABEL_CHARS),
  text: `Read “${page.title}” on ${page.site} (${page.visitCount} visits): ${start(page.text, PAGE_CHARS)}`,
  url: page.url,
  at: page.lastVisit,
});

export const writingEvidence = (writing: WritingRecord): Evidence => ({
  id: writing.id,
  kind: 'writing',
  site: writing.site,
  label: start(writing.text, LABEL_CHARS),
  text: `Wrote on ${writing.site}: ${start(writing.text, WRITING_CHARS)}`,
  url: writing.url,
  at: writing.createdAt,
  writing: { text: start(writing.text, WRITING_CHARS), ...(writing.replyTo ? { replyTo: start(writing.replyTo, WRITING_CHARS) } : {}) },
});

export const reactionEvidence = (reaction: ReactionRecord, title?: string): Evidence => ({
  id: reaction.id,
  kind: 'reaction',
  site: reaction.site,
  label: `${reaction.kind} on ${title ?? reaction.site}`,
  text: `Reacted with ${reaction.kind} to ${title ? `“${title}”` : reaction.url}`,
  url: reaction.url,
  at: reaction.at,
});

export const claimEvidence = (claim: Claim): Evidence => ({
  id: claim.id,
  kind: 'claim',
  site: claim.experience?.site ?? '',
  label: start(claim.text, LABEL_CHARS),
  text: `${claim.kind}: ${claim.text}`,
  at: claim.lastSeen,
});

/** Evidence as the prompt shows it: one line per record, led by its id so the model can cite it. */
export const evidenceLine = (item: Evidence): string => `[${item.id}] ${item.text.replace(/\s+/g, ' ')}`;

/** Only http(s) addresses become links; anything else (javascript:, data:) is shown as text. */
export const safeHref = (url: string | undefined): string | undefined => {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
};
