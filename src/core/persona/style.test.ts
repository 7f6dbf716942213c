import { describe, expect, it } from 'vitest';
import { CHAR_MODEL_SIZE } from './char-model';
import { applyWriting, emptyStyle, styleCard } from './style';

/** Seeded text over a wide alphabet, so its 1…4-grams number in the tens of thousands. */
const noise = (chars: number, seed: number) => {
  const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,;!? ';
  let s = seed;
  let out = '';
  for (let i = 0; i < chars; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    out += alphabet[(s >>> 16) % alphabet.length];
  }
  return out;
};

describe('style card', () => {
  it('keeps the most frequent character n-grams, ties to the smaller key, as a full sort would', () => {
    const acc = emptyStyle();
    for (let i = 0; i < 12; i++) applyWriting(acc, noise(9000, i + 1), 'x.example');
    expect(acc.charModel.size).toBeGreaterThan(CHAR_MODEL_SIZE);
    const sorted = Object.fromEntries([...acc.charModel].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, CHAR_MODEL_SIZE));
    expect(styleCard(acc).charModel).toEqual(sorted);
  });

  it('keeps every n-gram while there are fewer than the cap', () => {
    const acc = applyWriting(emptyStyle(), 'Hi all, a short note.', 'x.example');
    expect(styleCard(acc).charModel).toEqual(Object.fromEntries(acc.charModel));
  });
});
