import { STOPWORDS } from './stopwords';

/** A crude stem: common endings off, then the first five letters, so "baking" meets "bake" and "beginners" "beginner". */
export const stem = (word: string): string => {
  const bare = word.replace(/(?:ings?|ed|es|e|s|ly)$/, '');
  return (bare.length >= 3 ? bare : word).slice(0, 5);
};

/** Content words, stemmed. */
export const termsOf = (text: string): Set<string> =>
  new Set((text.toLowerCase().match(/\p{L}[\p{L}'’]{2,}/gu) ?? []).filter((w) => !STOPWORDS.has(w)).map(stem));
