import { isEmptyModel, maskText, probeText, sumLogProb, type TextProbe } from './char-model';
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
 * Log2-probability of each function word (and of "any other word") under the card's function-word
 * shares, Dirichlet-smoothed towards uniform: computed once per card, since one card scores many texts.
 */
interface WordBits {
  bits: Map<string, number>;
  unseen: number;
  other: number;
}

const wordBitsCache = new WeakMap<StyleCard, WordBits>();

const wordBitsOf = (card: StyleCard): WordBits => {
  const hit = wordBitsCache.get(card);
  if (hit) return hit;
  const total = Math.max(1, card.words);
  const shares = card.functionWords;
  const known = Object.values(shares).reduce((s, x) => s + x, 0);
  const alpha = 50;
  const prior = 1 / (FUNCTION_WORDS.length + 1);
  const bitsOf = (share: number) => Math.log2((share * total + alpha * prior) / (total + alpha));
  const bits = new Map<string, number>();
  for (const word of FUNCTION_WORDS) if (shares[word] !== undefined) bits.set(word, bitsOf(shares[word]));
  const built = { bits, unseen: bitsOf(0), other: bitsOf(Math.max(0, 1 - known)) };
  wordBitsCache.set(card, built);
  return built;
};

/**
 * Log2-likelihood of the text's function-word sequence (every other word one "other" token).
 * Summed, like the character model's, so the two add up as log-likelihoods of the same text.
 */
const functionWordBits = (card: StyleCard, tokens: readonly string[]): number => {
  const { bits, unseen, other } = wordBitsOf(card);
  let sum = 0;
  for (const token of tokens) sum += FUNCTION_WORD_SET.has(token) ? (bits.get(token) ?? unseen) : other;
  return sum;
};

/** How much the function-word likelihood counts next to the character model's (0–2 were within noise of each other on the Gutenberg set; docs/attribution.md was measured with 1). */
export const FUNCTION_WORD_WEIGHT = 1;

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

// One text is usually matched against many personas in a row: what it needs is computed once.
interface Probe {
  text: string;
  model: TextProbe;
  /** The masked text's probe, cut when a card with a masked model first asks. */
  masked?: TextProbe;
  tokens: string[];
  card?: StyleCard;
}
let lastProbe: Probe | undefined;
const probeOf = (text: string): Probe => {
  if (lastProbe?.text !== text) lastProbe = { text, model: probeText(text), tokens: words(text) };
  return lastProbe;
};

/**
 * How much the raw character model counts next to the masked one: all of it for short texts,
 * where who-writes-about-what is most of the evidence there is; a quarter from ~640 words on,
 * where topic words would otherwise decide (a long text goes to whoever wrote on its subject).
 * Tuned on the Gutenberg and State of the Union sets (docs/attribution.md), never on the Federalist.
 */
export const rawWeight = (words: number): number => Math.min(1, Math.max(0.25, Math.sqrt(40 / Math.max(1, words))));

/**
 * Bits per character of `text` under the card's models (undefined without a character model):
 * the raw and masked character models' log-likelihoods, weighted by text length, plus the
 * function-word likelihood, over the weights' sum so that a uniform guess is still 8 bits; less
 * what models built from that many words gain on anyone's text (RAW_CURVE, MASKED_CURVE).
 */
const bitsPerCharOf = (card: StyleCard, probe: Probe): number | undefined => {
  if (!card.charModel || isEmptyModel(card.charModel)) return undefined;
  const chars = Math.max(1, probe.model.chars);
  const wordBits = FUNCTION_WORD_WEIGHT * functionWordBits(card, probe.tokens);
  const rawGain = sizeGain(RAW_CURVE, card.words);
  if (!card.maskedModel || isEmptyModel(card.maskedModel)) return (sumLogProb(card.charModel, probe.model) + wordBits) / chars - rawGain;
  probe.masked ??= probeText(maskText(probe.text, FUNCTION_WORD_SET));
  const raw = rawWeight(probe.tokens.length);
  const gain = (raw * rawGain + sizeGain(MASKED_CURVE, card.words)) / (raw + 1);
  return (raw * sumLogProb(card.charModel, probe.model) + sumLogProb(card.maskedModel, probe.masked) + wordBits) / ((raw + 1) * chars) - gain;
};

const clamp = (x: number) => Math.min(1, Math.max(0, x));

/**
 * A model of more text predicts all text better, its writer's or not, so without a correction a text
 * goes to whoever wrote most. These are the measured learning curves of the two character models
 * (docs/attribution.md): on other writers' text, a model's bits per character improve by `slope`
 * each time the words it was built from double, at about 2,900 words (2^11.5), and that gain
 * shrinks by `fall` per doubling (fitted from 500 to 8,000 words on 16 authors of the Gutenberg
 * and State of the Union sets, none of the Federalist's; from 100 to 500 words the measured gains
 * are within 0.07 of the curve). The masked model, capped at 10,000 grams, stops gaining at about
 * 27,000 words.
 */
export const RAW_CURVE = { slope: 0.17, fall: 0.02 } as const;
export const MASKED_CURVE = { slope: 0.065, fall: 0.02 } as const;
const CURVE_AT = 11.5;
/** A persona built from this many words scores as the bare likelihood says (the correction is 0 there). */
export const REFERENCE_WORDS = 4000;

/** ∫ max(0, slope − fall·(x − CURVE_AT)) dx from `from` to `to` (log2 words): the gain between two sizes. */
const gainBetween = ({ slope, fall }: { slope: number; fall: number }, from: number, to: number): number => {
  if (to < from) return -gainBetween({ slope, fall }, to, from);
  const stop = CURVE_AT + slope / fall;
  const [a, b] = [Math.min(from, stop), Math.min(to, stop)];
  return slope * (b - a) - (fall / 2) * ((b - CURVE_AT) ** 2 - (a - CURVE_AT) ** 2);
};

/** Bits per character a model built from `words` words gains on anyone's text over one of REFERENCE_WORDS. */
export const sizeGain = (curve: { slope: number; fall: number }, words: number): number => gainBetween(curve, Math.log2(REFERENCE_WORDS), Math.log2(Math.max(1, words)));

const cosineParts = (card: StyleCard, probe: Probe) => {
  probe.card ??= styleOfText(probe.text);
  const functionWords = cosine(over(card.functionWords, FUNCTION_WORDS), over(probe.card.functionWords, FUNCTION_WORDS));
  const grams = Object.keys(card.charNgrams);
  const charNgrams = cosine(card.charNgrams, over(probe.card.charNgrams, grams));
  const shape = (closeness(card.meanSentenceWords, probe.card.meanSentenceWords) + closeness(card.meanWordLength, probe.card.meanWordLength)) / 2;
  return { functionWords, charNgrams, shape };
};

/**
 * How much `text` sounds like the writer of `card`, in [0, 1]. With a character model on the card
 * (every card built now) the score is 1 − bits-per-character / 8: how well the writer's own
 * character habits (spelling, punctuation, casing, favourite words) predict the text, less what a
 * model of that much text gains on anyone's writing (RAW_CURVE). It depends only on the card and the text, on one scale for every card, so scores of one text against many
 * personas can be compared (see docs/attribution.md). Older cards fall back to the cosine blend.
 * Only the score: what `persona match` and the attribution tests need, thousands of times.
 */
export const styleScore = (card: StyleCard, text: string): number => {
  const probe = probeOf(text);
  const bitsPerChar = bitsPerCharOf(card, probe);
  if (bitsPerChar !== undefined) return clamp(1 + bitsPerChar / FLOOR_BITS);
  const { functionWords, charNgrams, shape } = cosineParts(card, probe);
  return clamp(0.25 * functionWords + 0.65 * charNgrams + 0.1 * shape);
};

/** The score with its parts (the cosines against the text's own style card), for showing why. */
export const styleMatch = (card: StyleCard, text: string): StyleMatch => {
  const probe = probeOf(text);
  const parts = cosineParts(card, probe);
  const bitsPerChar = bitsPerCharOf(card, probe);
  return { score: styleScore(card, text), ...(bitsPerChar !== undefined ? { bitsPerChar } : {}), ...parts };
};
