/** What makes a draft unusable as the user's reply, found without a model. */
export type DraftFlaw = 'empty' | 'echo' | 'copy';

const wordsOf = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}'’]+/gu) ?? [];

/** The longest run of `text`'s words that appears, in order, in `source`. */
export const copiedRun = (text: string, source: string): number => {
  const words = wordsOf(text);
  const haystack = ` ${wordsOf(source).join(' ')} `;
  let best = 0;
  for (let i = 0; i + best < words.length; i++) {
    for (let j = i + best + 1; j <= words.length; j++) {
      if (!haystack.includes(` ${words.slice(i, j).join(' ')} `)) break;
      best = j - i;
    }
  }
  return best;
};

/**
 * The share of `text`'s words inside runs of at least `n` words that appear, in order, in `source`:
 * a draft stitched from several passages of the page is a copy even when no single run is long.
 */
export const copiedShare = (text: string, source: string, n = 6): number => {
  const words = wordsOf(text);
  if (words.length < n) return 0;
  const haystack = ` ${wordsOf(source).join(' ')} `;
  const covered = new Array<boolean>(words.length).fill(false);
  for (let i = 0; i + n <= words.length; i++) {
    if (haystack.includes(` ${words.slice(i, i + n).join(' ')} `)) covered.fill(true, i, i + n);
  }
  return covered.filter(Boolean).length / words.length;
};

/** A sentence ends at . ! ? before a space or the end (not inside 2.5 or example.com), or at a line break. */
const SENTENCE = /(?:[^.!?\n]|[.!?]+(?=[^\s.!?]))+(?:[.!?]+(?=\s|$)|\n|$)\s*/g;

/** The sentences of a text, each with the space after it, so joining them gives the text back. */
export const sentencesOf = (text: string): string[] => text.match(SENTENCE) ?? [];
const normal = (sentence: string) => wordsOf(sentence).join(' ');

/** A sentence that mostly repeats the post: small models open by restating what they answer. */
const echoes = (sentence: string, post: string): boolean => {
  const n = wordsOf(sentence).length;
  return n > 0 && copiedRun(sentence, post) >= Math.max(4, Math.ceil(n * 0.6));
};

/**
 * The reply a small model meant: up to the first sentence it repeats (it loops otherwise), without
 * sentences that only restate the post, unless nothing else is left.
 */
export const tidyDraft = (text: string, post = ''): string => {
  const sentences = sentencesOf(text);
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const sentence of sentences) {
    const key = normal(sentence);
    if (!key) {
      kept.push(sentence);
      continue;
    }
    if (seen.has(key)) break;
    seen.add(key);
    kept.push(sentence);
  }
  const own = post ? kept.filter((s) => !normal(s) || !echoes(s, post)) : kept;
  const chosen = own.some((s) => normal(s)) ? own : kept;
  return chosen.join('').replace(/\n{3,}/g, '\n\n').trim();
};

/**
 * Why a cleaned draft cannot be shown as the user's reply: nothing left, a copy of the post, or a
 * copy of one of the user's past writings the prompt showed (a reply they already wrote elsewhere).
 */
export const draftFlaw = (draft: string, sources: { post: string; examples: string[] }): DraftFlaw | null => {
  const n = wordsOf(draft).length;
  if (n === 0) return 'empty';
  // One copied run of 6+ words covering 60% of the draft is a case of this share, so it needs no test of its own.
  if (copiedShare(draft, sources.post) >= 0.6) return 'echo';
  if (sources.examples.some((example) => copiedRun(draft, example) >= Math.max(8, Math.ceil(n * 0.6)))) return 'copy';
  return null;
};
