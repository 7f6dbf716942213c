import { meanLogProb } from './char-model';
import { FUNCTION_WORDS } from './lexicon';
import { styleOfText } from './style';
import { cosine } from './text-stats';
import type { StyleCard } from './types';

const over = (profile: Record<string, number>, keys: Iterable<string>): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const key of keys) out[key] = profile[key] ?? 0;
  return out;
};

const closeness = (a: number, b: number): number => (a === 0 && b === 0 ? 1 : 1 - Math.abs(a - b) / Math.max(a, b));

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
export const styleMatch = (card: StyleCard, text: string): StyleMatch => {
  const probe = styleOfText(text);
  const functionWords = cosine(over(card.functionWords, FUNCTION_WORDS), over(probe.functionWords, FUNCTION_WORDS));
  const grams = Object.keys(card.charNgrams);
  const charNgrams = cosine(card.charNgrams, over(probe.charNgrams, grams));
  const shape = (closeness(card.meanSentenceWords, probe.meanSentenceWords) + closeness(card.meanWordLength, probe.meanWordLength)) / 2;
  if (card.charModel && Object.keys(card.charModel).length) {
    const bitsPerChar = meanLogProb(card.charModel, text);
    return { score: Math.min(1, Math.max(0, 1 + bitsPerChar / FLOOR_BITS)), bitsPerChar, functionWords, charNgrams, shape };
  }
  const score = 0.25 * functionWords + 0.65 * charNgrams + 0.1 * shape;
  return { score: Math.min(1, Math.max(0, score)), functionWords, charNgrams, shape };
};
