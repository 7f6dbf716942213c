import { STOPWORDS } from './lexicon';
import { rawWords, wordForm, words } from './text-stats';

/** Folds the regular plural and third-person -s onto one form, so "tests" and "test" are one interest. */
export const lemma = (w: string): string => {
  if (w.length <= 3 || /(ss|us|is|ous)$/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (/(ches|shes|xes|sses|zes)$/.test(w)) return w.slice(0, -2);
  return w.endsWith('s') ? w.slice(0, -1) : w;
};

const content = (w: string) => w.length >= 3 && !STOPWORDS.has(w) && !/^\d+$/.test(w);

/**
 * What each word of a body counts as (its lemma, or null when it is not a content word of 4+
 * letters), remembered: a page repeats its words, and a history repeats its vocabulary.
 */
const BODY_FORMS = new Map<string, string | null>();
const MAX_REMEMBERED = 200_000;
const bodyForm = (raw: string): string | null => {
  let form = BODY_FORMS.get(raw);
  if (form === undefined) {
    const w = wordForm(raw);
    form = content(w) && w.length >= 4 ? lemma(w) : null;
    if (BODY_FORMS.size >= MAX_REMEMBERED) BODY_FORMS.clear();
    BODY_FORMS.set(raw, form);
  }
  return form;
};

/** Phrases a text is about: title unigrams and bigrams, plus the body's most repeated content words. */
export const keyPhrases = (title: string, body: string, bodyWords = 5, minRepeats = 3): string[] => {
  const titleWords = words(title);
  const phrases = new Set<string>();
  titleWords.forEach((w, i) => {
    if (!content(w)) return;
    phrases.add(lemma(w));
    const next = titleWords[i + 1];
    if (next && content(next)) phrases.add(`${w} ${lemma(next)}`);
  });
  const counts = new Map<string, number>();
  for (const raw of rawWords(body.slice(0, 20_000))) {
    const form = bodyForm(raw);
    if (form !== null) counts.set(form, (counts.get(form) ?? 0) + 1);
  }
  [...counts]
    .filter(([, n]) => n >= minRepeats)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, bodyWords)
    .forEach(([w]) => phrases.add(w));
  return [...phrases];
};

/** Half-life of an interest: a phrase last seen 30 days before the build counts half. */
export const INTEREST_HALF_LIFE_MS = 30 * 24 * 3600 * 1000;

export const recencyWeight = (lastSeen: number, now: number): number => 0.5 ** (Math.max(0, now - lastSeen) / INTEREST_HALF_LIFE_MS);

export const monthOf = (at: number): string => new Date(at).toISOString().slice(0, 7);
