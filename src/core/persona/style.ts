import { CHAR_MODEL_SIZE, CHAR_ORDER, MASKED_MODEL_SIZE, maskText, normalizeForModel } from './char-model';
import { addGrams, emptyGramCounts, snapshotOf, topCounts, topShares, type GramCounts } from './gram-counts';
import { FUNCTION_WORD_SET, GREETINGS, SIGN_OFFS } from './lexicon';
import { countMatches, emojiCount, foldForNgrams, sentences, words } from './text-stats';
import type { StyleCard } from './types';

/** Words per window for the type–token ratio, so richness does not fall as the corpus grows. */
export const RICHNESS_WINDOW = 25;
/** How many character 3-grams the card keeps (the most frequent). */
export const CARD_NGRAMS = 1000;

/**
 * Integer counts only, so adding records one at a time, in any order, or removing one gives exactly
 * the same card as a rebuild: the card is computed from the counts at the end.
 */
export interface StyleAcc {
  samples: number;
  words: number;
  sentences: number;
  wordChars: number;
  windows: number;
  windowTypes: number;
  functionWords: Map<string, number>;
  /** 3-gram counts of the lower-cased text (text-stats.ts charNgrams). */
  charNgrams: GramCounts;
  charNgramTotal: number;
  /** 1…4-gram counts of the raw text: the style match's language model (char-model.ts). */
  charModel: GramCounts;
  /** The same over the text with topic words masked (char-model.ts maskText). */
  maskedModel: GramCounts;
  exclamation: number;
  question: number;
  ellipsis: number;
  emoji: number;
  comma: number;
  uppercaseStart: number;
  allLowercase: number;
  greetings: Map<string, number>;
  signOffs: Map<string, number>;
  siteWords: Map<string, number>;
  siteSamples: Map<string, number>;
}

export const emptyStyle = (): StyleAcc => ({
  samples: 0, words: 0, sentences: 0, wordChars: 0, windows: 0, windowTypes: 0,
  functionWords: new Map(), charNgrams: emptyGramCounts(), charNgramTotal: 0, charModel: emptyGramCounts(), maskedModel: emptyGramCounts(),
  exclamation: 0, question: 0, ellipsis: 0, emoji: 0, comma: 0, uppercaseStart: 0, allLowercase: 0,
  greetings: new Map(), signOffs: new Map(), siteWords: new Map(), siteSamples: new Map(),
});

const phraseAt = (text: string, phrases: readonly string[], where: 'start' | 'end'): string | undefined => {
  const lines = text.trim().split(/\n+/).map((l) => l.trim().toLowerCase().replace(/[,.!:;\s]+$/u, ''));
  const line = where === 'start' ? lines[0] : lines.length > 1 ? lines[lines.length - 1] : undefined;
  if (!line) return undefined;
  if (where === 'end') return line.split(/\s+/).length <= 4 ? phrases.find((p) => line === p || line.startsWith(`${p} `) || line.startsWith(`${p},`)) : undefined;
  return phrases.find((p) => line === p || line.startsWith(`${p} `) || line.startsWith(`${p},`));
};

const bump = (map: Map<string, number>, key: string, by: number): void => {
  const next = (map.get(key) ?? 0) + by;
  if (next === 0) map.delete(key);
  else map.set(key, next);
};

/** Adds (sign 1) or removes (sign −1) one piece of the user's writing. */
export const applyWriting = (acc: StyleAcc, text: string, site: string, sign: 1 | -1 = 1): StyleAcc => {
  const tokens = words(text);
  if (tokens.length === 0) return acc;
  const sents = sentences(text);
  acc.samples += sign;
  acc.words += sign * tokens.length;
  acc.sentences += sign * sents.length;
  for (const token of tokens) {
    acc.wordChars += sign * token.length;
    if (FUNCTION_WORD_SET.has(token)) bump(acc.functionWords, token, sign);
  }
  for (let start = 0; start + RICHNESS_WINDOW <= tokens.length; start += RICHNESS_WINDOW) {
    acc.windows += sign;
    acc.windowTypes += sign * new Set(tokens.slice(start, start + RICHNESS_WINDOW)).size;
  }
  acc.charNgramTotal += sign * addGrams(acc.charNgrams, foldForNgrams(text), 3, 3, sign, false);
  addGrams(acc.charModel, normalizeForModel(text), 1, CHAR_ORDER, sign, true);
  addGrams(acc.maskedModel, normalizeForModel(maskText(text, FUNCTION_WORD_SET)), 1, CHAR_ORDER, sign, true);
  acc.exclamation += sign * countMatches(text, /!/g);
  acc.question += sign * countMatches(text, /\?/g);
  acc.ellipsis += sign * countMatches(text, /\.\.\.|…/g);
  acc.emoji += sign * emojiCount(text);
  acc.comma += sign * countMatches(text, /,/g);
  acc.uppercaseStart += sign * sents.filter((s) => /^[^\p{L}]*\p{Lu}/u.test(s)).length;
  if (/\p{L}/u.test(text) && text === text.toLowerCase()) acc.allLowercase += sign;
  const greeting = phraseAt(text, GREETINGS, 'start');
  if (greeting) bump(acc.greetings, greeting, sign);
  const signOff = phraseAt(text, SIGN_OFFS, 'end');
  if (signOff) bump(acc.signOffs, signOff, sign);
  bump(acc.siteWords, site, sign * tokens.length);
  bump(acc.siteSamples, site, sign);
  return acc;
};

const ranked = (counts: Map<string, number>, limit: number): string[] =>
  [...counts].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, limit).map(([key]) => key);

const per = (count: number, of: number): number => (of > 0 ? count / of : 0);

/**
 * Defines `key` as computed on first read and kept from then on, as a plain data property. The
 * structured clone (IndexedDB, postMessage), JSON and spread all read it, so a card stored or sent
 * is an ordinary object; one that is only looked at never pays for building its big models.
 */
const lazy = <T extends object, K extends keyof T>(target: T, key: K, make: () => T[K]): void => {
  const settle = (value: T[K]) => Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get: () => {
      const value = make();
      settle(value);
      return value;
    },
    set: settle,
  });
};

/**
 * The card of the counts as they are now. The three n-gram tables (up to 41,000 keys) are built
 * when first read, from a copy of the counts taken here: the persona is derived after every
 * record, and building them was most of a writing's cost, while a card is kept as it is however
 * the accumulator changes later.
 */
export const styleCard = (acc: StyleAcc): StyleCard => {
  const ngrams = snapshotOf(acc.charNgrams);
  const ngramTotal = acc.charNgramTotal;
  const model = snapshotOf(acc.charModel);
  const masked = snapshotOf(acc.maskedModel);
  const card: StyleCard = {
    samples: acc.samples,
    words: acc.words,
    meanSentenceWords: per(acc.words, acc.sentences),
    meanWordLength: per(acc.wordChars, acc.words),
    vocabularyRichness: per(acc.windowTypes, acc.windows * RICHNESS_WINDOW),
    functionWords: Object.fromEntries([...acc.functionWords].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([w, n]) => [w, n / acc.words])),
    charNgrams: {},
    charModel: {},
    maskedModel: {},
    rates: {
      exclamation: per(acc.exclamation, acc.sentences),
      question: per(acc.question, acc.sentences),
      ellipsis: per(acc.ellipsis, acc.sentences),
      emoji: per(acc.emoji, acc.words),
      uppercaseStart: per(acc.uppercaseStart, acc.sentences),
      allLowercase: per(acc.allLowercase, acc.samples),
      comma: per(acc.comma, acc.sentences),
    },
    greetings: ranked(acc.greetings, 5),
    signOffs: ranked(acc.signOffs, 5),
    lengthBySite: Object.fromEntries(ranked(acc.siteSamples, 50).map((site) => [site, per(acc.siteWords.get(site) ?? 0, acc.siteSamples.get(site) ?? 0)])),
  };
  lazy(card, 'charNgrams', () => topShares(ngrams, ngramTotal, CARD_NGRAMS));
  lazy(card, 'charModel', () => topCounts(model, CHAR_MODEL_SIZE));
  lazy(card, 'maskedModel', () => topCounts(masked, MASKED_MODEL_SIZE));
  return card;
};

/** The style card of one text: what the style match compares against the user's card. */
export const styleOfText = (text: string): StyleCard => styleCard(applyWriting(emptyStyle(), text, ''));
