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

export interface StyleMatch {
  score: number;
  functionWords: number;
  charNgrams: number;
  shape: number;
}

/**
 * How much `text` sounds like the writer of `card`, in [0, 1]: cosine of the function-word profiles,
 * cosine of the character 3-gram profiles (over the card's most frequent 3-grams) and how close the
 * sentence and word lengths are, weighted 0.25 / 0.65 / 0.1 (character 3-grams carry the most
 * signal on the authorship fixture; see style-match.test.ts).
 */
export const styleMatch = (card: StyleCard, text: string): StyleMatch => {
  const probe = styleOfText(text);
  const functionWords = cosine(over(card.functionWords, FUNCTION_WORDS), over(probe.functionWords, FUNCTION_WORDS));
  const grams = Object.keys(card.charNgrams);
  const charNgrams = cosine(card.charNgrams, over(probe.charNgrams, grams));
  const shape = (closeness(card.meanSentenceWords, probe.meanSentenceWords) + closeness(card.meanWordLength, probe.meanWordLength)) / 2;
  const score = 0.25 * functionWords + 0.65 * charNgrams + 0.1 * shape;
  return { score: Math.min(1, Math.max(0, score)), functionWords, charNgrams, shape };
};
