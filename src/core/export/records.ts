import * as v from 'valibot';
import { cutToBytes, MAX_PAGE_BYTES, MAX_REPLY_TO_CHARS, MAX_TITLE_CHARS, MAX_WRITING_CHARS } from '../capture/limits';
import type { PageRecord, ReactionKind, ReactionRecord, WritingRecord } from '../model/records';
import type { PersonaDoc } from '../persona/types';
import { capped, date, finite, flag, id, MUST, text } from './fields';

export const REACTION_KINDS: readonly ReactionKind[] = ['long-read', 'bounce', 'scroll', 'bookmark', 'reply', 'copy', 'like', 'upvote', 'share'];
const SOURCES = ['form', 'contenteditable', 'handed', 'feedback'] as const;

const siteOf = (url: string): string => {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
};

export const pageSchema = v.pipe(
  v.looseObject({
    id,
    url: text,
    site: v.optional(text),
    title: v.optional(capped(MAX_TITLE_CHARS), ''),
    text: v.optional(v.pipe(text, v.transform((s: string) => cutToBytes(s, MAX_PAGE_BYTES))), ''),
    lang: v.optional(text),
    contentHash: v.optional(text, ''),
    firstVisit: v.optional(date),
    lastVisit: v.optional(date),
    visitCount: v.optional(finite, 1),
    dwellMs: v.optional(finite, 0),
    maxScroll: v.optional(finite, 0),
    demo: v.optional(flag),
  }, MUST.object),
  v.check((p) => p.firstVisit !== undefined || p.lastVisit !== undefined, 'firstVisit/lastVisit: at least one must be a date'),
  v.transform((p): PageRecord => {
    const first = p.firstVisit ?? p.lastVisit!;
    const { lang, demo, ...rest } = p;
    return { ...rest, site: p.site ?? siteOf(p.url), firstVisit: first, lastVisit: p.lastVisit ?? first, ...(lang !== undefined ? { lang } : {}), ...(demo ? { demo } : {}) };
  }),
);

export const writingSchema = v.pipe(
  v.looseObject({
    id,
    url: v.optional(text, 'about:doppel'),
    site: v.optional(text),
    text: capped(MAX_WRITING_CHARS),
    replyTo: v.optional(capped(MAX_REPLY_TO_CHARS)),
    source: v.optional(v.picklist(SOURCES, `must be one of ${SOURCES.join(', ')}`), 'handed'),
    createdAt: date,
    demo: v.optional(flag),
  }, MUST.object),
  v.transform((w): WritingRecord => {
    const { replyTo, demo, ...rest } = w;
    return { ...rest, site: w.site ?? (siteOf(w.url) || 'doppel'), ...(replyTo !== undefined ? { replyTo } : {}), ...(demo ? { demo } : {}) };
  }),
);

export const reactionSchema = v.pipe(
  v.looseObject({
    id,
    url: v.optional(text, ''),
    site: v.optional(text),
    pageId: v.optional(text),
    kind: v.picklist(REACTION_KINDS, `must be one of ${REACTION_KINDS.join(', ')}`),
    value: v.optional(finite),
    at: date,
    demo: v.optional(flag),
  }, MUST.object),
  v.transform((r): ReactionRecord => {
    const { pageId, value, demo, ...rest } = r;
    return { ...rest, site: r.site ?? siteOf(r.url), ...(pageId !== undefined ? { pageId } : {}), ...(value !== undefined ? { value } : {}), ...(demo ? { demo } : {}) };
  }),
);

const shares = v.record(v.string(), finite, 'must be an object of numbers');

/** The style card fields the style match reads; the rest is kept as written. */
export const styleSchema = v.looseObject({
  samples: v.optional(finite, 0),
  words: v.optional(finite, 0),
  meanSentenceWords: v.optional(finite, 0),
  meanWordLength: v.optional(finite, 0),
  functionWords: v.optional(shares, {}),
  charNgrams: v.optional(shares, {}),
  charModel: v.optional(shares),
  maskedModel: v.optional(shares),
}, MUST.object);

/** Persona documents are Doppel's own output: the fields readers rely on are checked, the rest kept. */
export const personaSchema = v.pipe(
  v.looseObject({
    id,
    version: finite,
    createdAt: date,
    style: styleSchema,
    claims: v.optional(v.array(v.looseObject({ id, text, evidence: v.array(text, MUST.list) }, MUST.object), MUST.list), []),
    interests: v.optional(v.array(v.looseObject({}, MUST.object), MUST.list), []),
    topSites: v.optional(v.array(v.looseObject({}, MUST.object), MUST.list), []),
    rhythm: v.optional(v.array(finite, MUST.list), []),
  }, MUST.object),
  v.transform((p) => p as unknown as PersonaDoc),
);

export const RECORD_SCHEMAS = { pages: pageSchema, writings: writingSchema, reactions: reactionSchema, personas: personaSchema } as const;
export type RecordKind = keyof typeof RECORD_SCHEMAS;
export interface RecordTypes {
  pages: PageRecord;
  writings: WritingRecord;
  reactions: ReactionRecord;
  personas: PersonaDoc;
}
