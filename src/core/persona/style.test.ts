import { describe, expect, it } from 'vitest';
import { CHAR_MODEL_SIZE } from './char-model';
import { gramEntries, snapshotOf } from './gram-counts';
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
    expect(acc.charModel.distinct).toBeGreaterThan(CHAR_MODEL_SIZE);
    const sorted = Object.fromEntries([...gramEntries(snapshotOf(acc.charModel))].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, CHAR_MODEL_SIZE));
    expect(styleCard(acc).charModel).toEqual(sorted);
  });

  it('keeps every n-gram while there are fewer than the cap', () => {
    const acc = applyWriting(emptyStyle(), 'Hi all, a short note.', 'x.example');
    expect(styleCard(acc).charModel).toEqual(Object.fromEntries(gramEntries(snapshotOf(acc.charModel))));
  });
});

describe('style card tables built on first read', () => {
  it('are plain data once cloned, serialised or spread, and the same object on every read', () => {
    const acc = emptyStyle();
    for (let i = 0; i < 3; i++) applyWriting(acc, noise(400, i + 1), 'x.example');
    const card = styleCard(acc);
    for (const copy of [structuredClone(card), JSON.parse(JSON.stringify(card)), { ...card }]) {
      for (const key of ['charNgrams', 'charModel', 'maskedModel'] as const) {
        expect(Object.getOwnPropertyDescriptor(copy, key)).toHaveProperty('value');
        expect(Object.keys(copy[key]!).length).toBeGreaterThan(100);
      }
    }
    expect(card.charModel).toBe(card.charModel);
    expect(Object.keys(card)).toEqual(Object.keys(structuredClone(card)));
  });
});
