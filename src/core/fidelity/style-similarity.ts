import { tokenize } from './tokenize';

/**
 * English function words (closed-class: articles, pronouns, prepositions, conjunctions, auxiliaries).
 * Their relative frequencies are a topic-independent signature of a writer (stylometry).
 */
export const FUNCTION_WORDS: readonly string[] = [
  'a', 'an', 'the', 'and', 'but', 'or', 'so', 'if', 'because', 'as', 'of', 'in', 'on', 'at', 'to', 'for', 'with', 'from', 'by',
  'about', 'into', 'than', 'then', 'that', 'this', 'these', 'those', 'it', 'its', 'i', 'me', 'my', 'we', 'our', 'you', 'your',
  'he', 'she', 'they', 'them', 'their', 'is', 'am', 'are', 'was', 'were', 'be', 'been', 'have', 'has', 'had', 'do', 'does', 'did',
  'not', 'no', 'just', 'very', 'really', 'all', 'some', 'any', 'what', 'which', 'who', 'how', 'when', 'where', 'there', 'here',
  'can', 'could', 'would', 'should', 'will', 'might', 'must',
];
const FUNCTION_SET = new Set(FUNCTION_WORDS);

/** Cosine of two sparse count vectors; 0 when either is all zeros. */
export const cosine = (a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number => {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [k, v] of a) {
    na += v * v;
    dot += v * (b.get(k) ?? 0);
  }
  for (const v of b.values()) nb += v * v;
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
};

const countAll = (items: Iterable<string>): Map<string, number> => {
  const out = new Map<string, number>();
  for (const item of items) out.set(item, (out.get(item) ?? 0) + 1);
  return out;
};

/** Overlapping character 3-grams of the lowercased text with whitespace runs collapsed to one space. */
export const charTrigrams = (text: string): string[] => {
  const chars = Array.from(text.toLowerCase().replace(/\s+/g, ' ').trim());
  const out: string[] = [];
  for (let i = 0; i + 3 <= chars.length; i++) out.push(chars.slice(i, i + 3).join(''));
  return out;
};

export const charTrigramCosine = (candidate: string, reference: string): number =>
  cosine(countAll(charTrigrams(candidate)), countAll(charTrigrams(reference)));

export const functionWordCosine = (candidate: string, reference: string): number =>
  cosine(countAll(tokenize(candidate).filter((t) => FUNCTION_SET.has(t))), countAll(tokenize(reference).filter((t) => FUNCTION_SET.has(t))));

/**
 * Token length of the candidate over the reference's (1 = same length). An empty reference gives 1
 * if the candidate is empty too, otherwise the candidate's length (as if the reference had one token).
 */
export const lengthRatio = (candidate: string, reference: string): number => {
  const c = tokenize(candidate).length;
  const r = tokenize(reference).length;
  return r === 0 ? (c === 0 ? 1 : c) : c / r;
};
