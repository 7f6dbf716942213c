import { expect, test } from 'vitest';
import { cutToBytes } from './limits';

test('cuts by UTF-8 bytes without splitting a character', () => {
  const text = 'é'.repeat(100);
  const cut = cutToBytes(text, 51);
  expect(new TextEncoder().encode(cut).length).toBe(50);
  expect(cut).toBe('é'.repeat(25));
  expect(cutToBytes('short', 50)).toBe('short');
  expect(new TextEncoder().encode(cutToBytes('😀'.repeat(30_000), 50_000)).length).toBeLessThanOrEqual(50_000);
});
