import { writtenByUser } from '../../model/records';
import { fenceData } from '../../prompting/fence';
import type { PersonaRecord } from '../accumulator';

/** A record as the LLM layer sees it: cleaned text, numbered in prompts, cited back by number. */
export interface SourceRecord {
  id: string;
  kind: 'writing' | 'page';
  site: string;
  at: number;
  text: string;
}

/** HumanLLM's cleaner, done deterministically: URLs, emojis, #tags and @mentions go, words stay. */
export const cleanText = (text: string): string =>
  text
    .replace(/https?:\/\/\S+|www\.\S+/g, '')
    .replace(/\p{Extended_Pictographic}/gu, '')
    .replace(/(^|\s)[#@][\w.-]+/g, '$1')
    .replace(/[ \t]+/g, ' ')
    .trim();

/** Share of characters that are letters: boilerplate, code and link lists score low. */
const letterShare = (text: string): number => (text.match(/\p{L}/gu)?.length ?? 0) / Math.max(1, text.length);

export const FILTER = { minWritingChars: 80, minPageChars: 300, minPageDwellMs: 30_000, minLetterShare: 0.6, maxSources: 40, maxChars: 5000 } as const;

/**
 * HumanLLM's filter stage adapted to a browser history: the user's writings of some length, and
 * pages they actually read; low-quality text is dropped; the newest `maxSources` are kept (the
 * prompt budget of a small model; science.md §G suggests 30–50).
 */
export const filterSources = (records: Iterable<PersonaRecord>, maxSources: number = FILTER.maxSources, maxChars: number = FILTER.maxChars): SourceRecord[] => {
  const out: SourceRecord[] = [];
  for (const item of records) {
    if (item.type === 'writing') {
      if (!writtenByUser(item.record)) continue;
      const text = cleanText(item.record.text);
      if (text.length >= FILTER.minWritingChars && letterShare(text) >= FILTER.minLetterShare) out.push({ id: item.record.id, kind: 'writing', site: item.record.site, at: item.record.createdAt, text: text.slice(0, 1200) });
    } else if (item.type === 'page') {
      const page = item.record;
      const text = cleanText(page.text);
      if (text.length >= FILTER.minPageChars && page.dwellMs >= FILTER.minPageDwellMs && letterShare(text) >= FILTER.minLetterShare) {
        out.push({ id: page.id, kind: 'page', site: page.site, at: page.lastVisit, text: `${page.title}\n${text.slice(0, 600)}` });
      }
    }
  }
  // Writings first (the user's own words), then the newest pages.
  const sorted = out.sort((a, b) => (a.kind === b.kind ? b.at - a.at || (a.id < b.id ? -1 : 1) : a.kind === 'writing' ? -1 : 1)).slice(0, maxSources);
  // The prompt budget: a small model's context holds the instructions, the records and the answer.
  let used = 0;
  return sorted.filter((s) => (used += s.text.length) <= maxChars);
};

/** Records as numbered, fenced blocks: the model cites them by number, never by id. */
export const numberedSources = (sources: SourceRecord[]): string =>
  sources
    .map((s, i) => fenceData(`[${i + 1}] ${s.kind === 'writing' ? 'The user wrote' : 'The user read'} on ${s.site}, ${new Date(s.at).toISOString().slice(0, 10)}`, s.text))
    .join('\n');
