import { describe, expect, test } from 'vitest';
import { charTrigramCosine, charTrigrams, cosine, functionWordCosine, lengthRatio } from './style-similarity';

describe('cosine', () => {
  test('hand-computed: (1,1,0)·(1,0,1) / (√2·√2) = 1/2', () => {
    expect(cosine(new Map([['x', 1], ['y', 1]]), new Map([['x', 1], ['z', 1]]))).toBeCloseTo(0.5, 12);
  });
  test('an empty vector gives 0', () => {
    expect(cosine(new Map(), new Map([['x', 1]]))).toBe(0);
  });
});

describe('character 3-grams', () => {
  test('collapses whitespace and lowercases', () => {
    expect(charTrigrams('Ab  c')).toEqual(['ab ', 'b c']);
    expect(charTrigrams('ab')).toEqual([]);
  });
  test('hand-computed: "abcd" {abc,bcd} vs "bcde" {bcd,cde} → 1/2', () => {
    expect(charTrigramCosine('abcd', 'bcde')).toBeCloseTo(0.5, 12);
    expect(charTrigramCosine('same text', 'SAME text')).toBeCloseTo(1, 12);
    expect(charTrigramCosine('', 'abc')).toBe(0);
  });
});

describe('function-word cosine', () => {
  test('counts only function words: (the:2, of:1) vs (the:1, of:1) → 3/(√5·√2)', () => {
    expect(functionWordCosine('the cat of the hat', 'the dog of war')).toBeCloseTo(3 / Math.sqrt(10), 12);
  });
  test('no function words on one side → 0', () => {
    expect(functionWordCosine('cats dogs', 'the of')).toBe(0);
  });
});

describe('lengthRatio', () => {
  test('token counts: 3 / 6', () => {
    expect(lengthRatio('one two three', 'a b c d e f')).toBe(0.5);
  });
  test('empty reference', () => {
    expect(lengthRatio('', '')).toBe(1);
    expect(lengthRatio('a b', '')).toBe(2);
    expect(lengthRatio('', 'a b')).toBe(0);
  });
});
