import { describe, expect, test } from 'vitest';
import { rouge1, rougeL } from './rouge';
import { tokenize } from './tokenize';

describe('tokenize', () => {
  test('lowercases, keeps inner apostrophes, drops punctuation and emoji', () => {
    expect(tokenize("Don't PANIC, it's 42! 🙂")).toEqual(["don't", 'panic', "it's", '42']);
    expect(tokenize('  ')).toEqual([]);
  });
});

describe('rouge1', () => {
  test('hand-computed: 2 shared tokens between 4- and 5-token texts → 2·2/(4+5)', () => {
    expect(rouge1('the cat sat down', 'the cat was sitting there')).toBeCloseTo(4 / 9, 10);
  });
  test('clips repeated tokens to the reference count', () => {
    // candidate "the the the" (3), reference "the cat" (2): overlap min(3,1)=1 → 2/5
    expect(rouge1('the the the', 'the cat')).toBeCloseTo(2 / 5, 10);
  });
  test('edge cases: identical 1, disjoint 0, one empty 0, both empty 1', () => {
    expect(rouge1('A b', 'a B')).toBe(1);
    expect(rouge1('x', 'y')).toBe(0);
    expect(rouge1('', 'y')).toBe(0);
    expect(rouge1('!!', '')).toBe(1);
  });
});

describe('rougeL', () => {
  test('hand-computed: LCS of "a b c d" and "a c b d" is 3 → 2·3/8', () => {
    expect(rougeL('a b c d', 'a c b d')).toBeCloseTo(0.75, 10);
  });
  test('order matters unlike ROUGE-1', () => {
    expect(rouge1('c b a', 'a b c')).toBe(1);
    expect(rougeL('c b a', 'a b c')).toBeCloseTo(1 / 3, 10);
  });
  test('edge cases', () => {
    expect(rougeL('', '')).toBe(1);
    expect(rougeL('a', '')).toBe(0);
  });
});
