import { meanLogProb, normalizeForModel } from './char-model';
import { FUNCTION_WORD_SET, FUNCTION_WORDS } from './lexicon';
import { styleOfText } from './style';
import { cosine, words } from './text-stats';
import type { StyleCard } from './types';

const over = (profile: Record<string, number>, keys: Iterable<string>): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const key of keys) out[key] = profile[key] ?? 0;
  return out;
};

const closeness = (a: number, b: number): number => (a === 0 && b === 0 ? 1 : 1 - Math.abs(a - b) / Math.max(a, b));

/**
 * Log2-likelihood of the text's function-word sequence (every other word one "other" token) under
 * the card's function-word shares, Dirichlet-smoothed towards uniform. Summed, like the character
 * model's, so the two add up as log-likelihoods of the same text.
 */
const functionWordBits = (card: StyleCard, tokens: readonly string[]): number => {
  const total = Math.max(1, card.words);
  const shares = card.functionWords;
  const known = Object.values(shares).reduce((s, x) => s + x, 0);
  const alpha = 50;
  const prior = 1 / (FUNCTION_WORDS.length + 1);
  let bits = 0;
  for (const token of tokens) {
    const share = FUNCTION_WORD_SET.has(token) ? (shares[token] ?? 0) : Math.max(0, 1 - known);
    bits += Math.log2((share * total + alpha * prior) / (total + alpha));
  }
  return bits;
};

/** How much the function-word likelihood counts next to the character model's (0–2 were within noise of each other on the Gutenberg set; docs/attribution.md was measured with 1). */
export const FUNCTION_WORD_WEIGHT = 1;

const hasModel = (model: Record<string, number>): boolean => {
  for (const _ in model) return true;
  return false;
};

/** Bits per character of a uniform guess over 256 characters: a score of 0. */
const FLOOR_BITS = 8;

export interface StyleMatch {
  score: number;
  /** Mean log2-probability per character under the card's character model (absent on old cards). */
  bitsPerChar?: number;
  functionWords: number;
  charNgrams: number;
  shape: number;
}

/**
 * How much `text` sounds like the writer of `card`, in [0, 1]. With a character model on the card
 * (every card built now) the score is 1 − bits-per-character / 8: how well the writer's own
 * character habits (spelling, punctuation, casing, favourite words) predict the text. It depends
 * only on the card and the text, on one scale for every card, so scores of one text against many
 * personas can be compared (see docs/attribution.md). Older cards fall back to the cosine blend.
 */
// One text is usually matched against many personas in a row: its own card is computed once.
let lastProbe: { text: string; card: StyleCard } | undefined;
const probeOf = (text: string): StyleCard => {
  if (lastProbe?.text !== text) lastProbe = { text, card: styleOfText(text) };
  return lastProbe.card;
};

export const styleMatch = (card: StyleCard, text: string): StyleMatch => {
  const probe = probeOf(text);
  const functionWords = cosine(over(card.functionWords, FUNCTION_WORDS), over(probe.functionWords, FUNCTION_WORDS));
  const grams = Object.keys(card.charNgrams);
  const charNgrams = cosine(card.charNgrams, over(probe.charNgrams, grams));
  const shape = (closeness(card.meanSentenceWords, probe.meanSentenceWords) + closeness(card.meanWordLength, probe.meanWordLength)) / 2;
  if (card.charModel && hasModel(card.charModel)) {
    const chars = Math.max(1, normalizeForModel(text).length - 1);
    const bitsPerChar = (meanLogProb(card.charModel, text) * chars + FUNCTION_WORD_WEIGHT * functionWordBits(card, words(text))) / chars;
    return { score: Math.min(1, Math.max(0, 1 + bitsPerChar / FLOOR_BITS)), bitsPerChar, functionWords, charNgrams, shape };
  }
  const score = 0.25 * functionWords + 0.65 * charNgrams + 0.1 * shape;
  return { score: Math.min(1, Math.max(0, score)), functionWords, charNgrams, shape };
};
