import type { PageRecord, ReactionRecord, WritingRecord } from '../model/records';
import { STOPWORDS } from '../tasks/stopwords';

/** One record as the full-text index keeps it: its terms and counts, never its text. */
export interface SearchDoc {
  id: string;
  kind: 'page' | 'writing' | 'reaction';
  site: string;
  at: number;
  terms: string[];
  tfs: number[];
}

// A page's topic is in its title and opening; indexing all 50 KB would make the index as large as
// the history for little gain in recall.
const PAGE_CHARS = 1500;
/**
 * A record keeps its most frequent terms only: they carry its topic, and the cap bounds the
 * index at a few dozen postings per record, so 500k records still fit in memory.
 */
const MAX_TERMS = 40;
const WRITING_CHARS = 2000;
const MAX_TERM = 30;

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

const keep = (raw: string) => raw.length >= 2 && raw.length <= MAX_TERM && !STOPWORDS.has(raw);

/** The reference reading: Unicode letters and digits, joined by apostrophes. */
export const searchTermsByRegex = (text: string): string[] => (text.toLowerCase().match(WORD) ?? []).filter(keep);

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
// Per UTF-16 code unit: 0 not yet asked, 1 a letter or digit, 2 not (surrogates never get here).
const classes = new Uint8Array(0x10000);
for (let c = 0; c < 128; c++) classes[c] = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 2;
const isWordCode = (c: number): boolean => {
  let k = classes[c]!;
  if (k === 0) classes[c] = k = LETTER_OR_DIGIT.test(String.fromCharCode(c)) ? 1 : 2;
  return k === 1;
};
const isApostrophe = (c: number) => c === 39 || c === 0x2019;

/**
 * Lowercased word tokens without function words, as both records and queries are read. Every
 * capture indexes its record, and in a CPU profile of the service worker ingesting 2,000 pages the
 * Unicode regex made this the costliest script function: the text is cut by character codes
 * instead (about 1.8× faster on the real pages' text), each character's class asked of the regex
 * once, with the same result (tested against searchTermsByRegex); text with characters beyond the
 * Basic Multilingual Plane takes the regex.
 */
export const searchTerms = (text: string): string[] => {
  const lower = text.toLowerCase();
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 32;
    if (c >= 0xd800 && c <= 0xdfff) return searchTermsByRegex(text);
    if (isWordCode(c)) {
      if (start < 0) start = i;
    } else if (isApostrophe(c) && start >= 0 && i + 1 < lower.length && isWordCode(lower.charCodeAt(i + 1))) {
      // An apostrophe between word characters ("don't") is part of the word.
    } else if (start >= 0) {
      const raw = lower.slice(start, i);
      if (keep(raw)) out.push(raw);
      start = -1;
    }
  }
  return out;
};

const docOf = (id: string, kind: SearchDoc['kind'], site: string, at: number, text: string): SearchDoc => {
  const counts = new Map<string, number>();
  for (const term of searchTerms(text)) counts.set(term, (counts.get(term) ?? 0) + 1);
  const kept = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, MAX_TERMS);
  return { id, kind, site, at, terms: kept.map(([t]) => t), tfs: kept.map(([, n]) => n) };
};

export const pageDoc = (p: PageRecord): SearchDoc => docOf(p.id, 'page', p.site, p.lastVisit, `${p.title} ${p.site} ${p.text.slice(0, PAGE_CHARS)}`);

export const writingDoc = (w: WritingRecord): SearchDoc => docOf(w.id, 'writing', w.site, w.createdAt, `${w.site} ${w.text.slice(0, WRITING_CHARS)}`);

/** A reaction is found by the page it was a reaction to (its title, when known) and its kind. */
export const reactionDoc = (r: ReactionRecord, title?: string): SearchDoc => docOf(r.id, 'reaction', r.site, r.at, `${r.kind} ${r.site} ${title ?? ''}`);
