import { describe, expect, test } from 'vitest';
import { estimateTokens, packBlocks } from './tokens';

describe('estimateTokens', () => {
  test('is pessimistic for English prose (about 4 characters per real token)', () => {
    const prose = 'The quick brown fox jumps over the lazy dog while the sailors watch from the harbour wall.';
    expect(estimateTokens(prose)).toBeGreaterThanOrEqual(Math.ceil(prose.length / 4));
  });
  test('counts every non-ASCII character as a token', () => {
    expect(estimateTokens('日本語')).toBe(3);
    expect(estimateTokens('')).toBe(0);
  });
});

describe('packBlocks', () => {
  test('keeps blocks in order within the budget and cuts the first that does not fit', () => {
    const blocks = ['one two three', 'four five six seven eight nine ten eleven twelve', 'never'];
    const packed = packBlocks(blocks, estimateTokens(blocks[0]!) + 5);
    expect(packed[0]).toBe(blocks[0]);
    expect(packed).toHaveLength(2);
    expect(packed[1]!.endsWith('…')).toBe(true);
    expect(packed.map(estimateTokens).reduce((a, b) => a + b)).toBeLessThanOrEqual(estimateTokens(blocks[0]!) + 5);
  });
});
