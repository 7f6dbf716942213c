import { describe, expect, it } from 'vitest';
import { chunks, loadCorpus } from '../../../tests/attribution/harness';
import { maskText, normalizeForModel } from './char-model';
import { FUNCTION_WORD_SET, FUNCTION_WORDS } from './lexicon';
import { applyWriting, emptyStyle, styleCard } from './style';
import { styleMatch, styleScore } from './style-match';
import { words } from './text-stats';
import type { StyleCard } from './types';

/**
 * The straightforward scorer the fast one replaced (substring Map keys, no per-card or per-text
 * tables): the fast path must give the same numbers on real writing.
 */
const referenceBits = (model: Record<string, number>, text: string): number => {
  const grams = new Map(Object.entries(model));
  const contexts = new Map<string, { total: number; types: number }>();
  for (const [gram, count] of grams) {
    const entry = contexts.get(gram.slice(0, -1)) ?? { total: 0, types: 0 };
    entry.total += count;
    entry.types += 1;
    contexts.set(gram.slice(0, -1), entry);
  }
  const clean = normalizeForModel(text);
  let bits = 0;
  for (let i = 1; i < clean.length; i++) {
    let p = 1 / 256;
    for (let k = 0; k < 4 && i - k >= 0; k++) {
      const stats = contexts.get(clean.slice(i - k, i));
      if (!stats) break;
      p = ((grams.get(clean.slice(i - k, i + 1)) ?? 0) + stats.types * p) / (stats.total + stats.types);
    }
    bits += Math.log2(p);
  }
  return bits;
};

/** The learning curve summed in small steps: gain per doubling `slope` at 2^11.5 words, 0.02 less per doubling, never below 0. */
const referenceGain = (slope: number, words: number): number => {
  const [from, to] = [Math.log2(4000), Math.log2(Math.max(1, words))];
  const steps = 20_000;
  let gain = 0;
  for (let i = 0; i < steps; i++) {
    const x = from + ((i + 0.5) / steps) * (to - from);
    gain += Math.max(0, slope - 0.02 * (x - 11.5)) * ((to - from) / steps);
  }
  return gain;
};

const referenceScore = (card: StyleCard, text: string): number => {
  const total = Math.max(1, card.words);
  const known = Object.values(card.functionWords).reduce((s, x) => s + x, 0);
  const prior = 1 / (FUNCTION_WORDS.length + 1);
  let wordBits = 0;
  for (const token of words(text)) {
    const share = FUNCTION_WORD_SET.has(token) ? (card.functionWords[token] ?? 0) : Math.max(0, 1 - known);
    wordBits += Math.log2((share * total + 50 * prior) / (total + 50));
  }
  const chars = Math.max(1, normalizeForModel(text).length - 1);
  const raw = Math.min(1, Math.max(0.25, Math.sqrt(40 / Math.max(1, words(text).length))));
  const bits = card.maskedModel
    ? (raw * referenceBits(card.charModel!, text) + referenceBits(card.maskedModel, maskText(text, FUNCTION_WORD_SET)) + wordBits) / (raw + 1)
    : referenceBits(card.charModel!, text) + wordBits;
  // Less what models of that many words gain on anyone's text over models of 4,000 words.
  const rawGain = referenceGain(0.17, total);
  const gain = card.maskedModel ? (raw * rawGain + referenceGain(0.065, total)) / (raw + 1) : rawGain;
  return Math.min(1, Math.max(0, 1 + (bits / chars - gain) / 8));
};

describe('the fast style score', () => {
  it('equals the straightforward scorer on real writing, for every text against every persona (and on cards without a masked model)', () => {
    const corpus = [...loadCorpus('attribution/sotu').slice(0, 4), ...loadCorpus('attribution/gutenberg')];
    const cards = corpus.map(({ train }) => styleCard(chunks(train, 100).reduce((acc, t) => applyWriting(acc, t, 'site'), emptyStyle())));
    const texts = corpus.flatMap(({ heldOut }) => [...chunks(heldOut, 40, 3), ...chunks(heldOut, 500, 1), heldOut.slice(0, 7)]);
    let compared = 0;
    for (const text of texts) {
      for (const card of cards) {
        const reference = referenceScore(card, text);
        expect(Math.abs(styleScore(card, text) - reference)).toBeLessThan(1e-9);
        expect(Math.abs(styleMatch(card, text).score - reference)).toBeLessThan(1e-9);
        const { maskedModel: _, ...oldCard } = card;
        expect(Math.abs(styleScore(oldCard, text) - referenceScore(oldCard, text))).toBeLessThan(1e-9);
        compared++;
      }
    }
    expect(compared).toBe(texts.length * cards.length);
    expect(new Set(texts.map((t) => referenceScore(cards[0]!, t))).size).toBeGreaterThan(texts.length / 2);
    // Thousands of reference scorings: about 10 s alone, three times that on a loaded machine.
  }, 120_000);

  it('scores a card whose masked model is malformed (a hand-edited file) like a card without one, never NaN', () => {
    const [author] = loadCorpus('attribution/gutenberg');
    const card = styleCard(chunks(author!.train, 100).reduce((acc, t) => applyWriting(acc, t, 'site'), emptyStyle()));
    const { maskedModel: _, ...plain } = card;
    const text = chunks(author!.heldOut, 100, 1)[0]!;
    const expected = referenceScore(plain, text);
    for (const maskedModel of [null, 'abc', [1, 2], { a: 'x' }, { a: -3, b: Number.NaN }, {}] as unknown as Record<string, number>[]) {
      expect(styleScore({ ...card, maskedModel }, text)).toBeCloseTo(expected, 12);
    }
    expect(styleScore({ ...card, charModel: null as unknown as Record<string, number> }, text)).toBeGreaterThanOrEqual(0);
  });
});
