import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { burrowsDelta } from '../../src/core/persona/burrows-delta';
import { charTfidf } from '../../src/core/persona/char-tfidf';
import { applyWriting, emptyStyle, styleCard } from '../../src/core/persona/style';
import { styleScore } from '../../src/core/persona/style-match';

export const FIXTURES = join(import.meta.dirname, '../fixtures');

export interface Author {
  author: string;
  train: string;
  heldOut: string;
}

/** Authors of one fixture folder (`<author>.train.txt` + `<author>.heldout.txt`). */
export const loadCorpus = (dir: string, skip: readonly string[] = []): Author[] =>
  readdirSync(join(FIXTURES, dir))
    .filter((f) => f.endsWith('.train.txt'))
    .map((f) => f.replace('.train.txt', ''))
    .filter((a) => !skip.includes(a))
    .sort()
    .map((author) => ({
      author: `${dir}/${author}`,
      train: readFileSync(join(FIXTURES, dir, `${author}.train.txt`), 'utf8'),
      heldOut: readFileSync(join(FIXTURES, dir, `${author}.heldout.txt`), 'utf8'),
    }));

/** Every other author (from the first when `parity` is 0, the second when 1) keeps only the first `fraction` of their training text. */
export const unequal = (corpus: readonly Author[], fraction: number, parity: 0 | 1): Author[] =>
  corpus.map((a, i) => {
    if (i % 2 !== parity) return a;
    const words = a.train.split(/\s+/);
    return { ...a, train: words.slice(0, Math.floor(words.length * fraction)).join(' ') };
  });

export const chunks = (text: string, size: number, limit = Infinity): string[] => {
  const all = text.split(/\s+/).filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i + size <= all.length && out.length < limit; i += size) out.push(all.slice(i, i + size).join(' '));
  return out;
};

export interface Scored {
  authors: number;
  texts: number;
  doppel: number;
  delta: number;
  char3: number;
}

export interface AttributionRow extends Scored {
  words: number;
}

/**
 * The hidden check's protocol: one persona per author from their training writings, every held-out
 * text matched against every persona, highest score wins. Burrows' Delta and char 3-gram tf-idf see
 * the same splits.
 */
export const attributeAll = (training: { author: string; texts: string[] }[], heldOut: readonly { author: string; text: string }[]): Scored => {
  const cards = training.map(({ author, texts }) => ({ author, card: styleCard(texts.reduce((acc, t) => applyWriting(acc, t, 'site'), emptyStyle())) }));
  const delta = burrowsDelta(training);
  const char3 = charTfidf(training);
  let doppel = 0;
  let deltaHits = 0;
  let char3Hits = 0;
  for (const { author, text } of heldOut) {
    let best = { author: '', score: -Infinity };
    for (const c of cards) {
      const score = styleScore(c.card, text);
      if (score > best.score) best = { author: c.author, score };
    }
    if (best.author === author) doppel++;
    if (delta(text) === author) deltaHits++;
    if (char3(text) === author) char3Hits++;
  }
  const texts = heldOut.length;
  return { authors: training.length, texts, doppel: doppel / texts, delta: deltaHits / texts, char3: char3Hits / texts };
};

/** One corpus cut into `size`-word writings (training: at least 100 words each), at most `perAuthor` held-out texts per author. */
export const attribution = (corpus: readonly Author[], size: number, perAuthor = 60): AttributionRow => ({
  words: size,
  ...attributeAll(
    corpus.map(({ author, train }) => ({ author, texts: chunks(train, Math.max(size, 100)) })),
    corpus.flatMap(({ author, heldOut }) => chunks(heldOut, size, perAuthor).map((text) => ({ author, text }))),
  ),
});

export interface ForumUser {
  user: string;
  train: string[];
  heldOut: string[];
}
export interface Forum {
  site: string;
  comments: ForumUser[];
  posts: ForumUser[];
}

/** A forum fixture (tests/fixtures/forums): real users' older writings of one kind, and newer ones held out as written. */
export const loadForum = (name: string): Forum => JSON.parse(readFileSync(join(FIXTURES, 'forums', `${name}.json`), 'utf8')) as Forum;

export const forumAttribution = (users: readonly ForumUser[]): Scored =>
  attributeAll(
    users.map(({ user, train }) => ({ author: user, texts: train })),
    users.flatMap(({ user, heldOut }) => heldOut.map((text) => ({ author: user, text }))),
  );
