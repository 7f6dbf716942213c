import { expect, test } from 'vitest';
import { bigFiveStability, sampleSd } from './stability';

test('sample SD, hand-computed: 2,4,4,4,5,5,7,9 → √(32/7)', () => {
  expect(sampleSd([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(Math.sqrt(32 / 7), 12);
  expect(sampleSd([3])).toBe(0);
  expect(sampleSd([])).toBeNaN();
});

test('Big Five stability per trait over runs; traits never scored are absent', () => {
  const out = bigFiveStability([{ E: 3, A: 4 }, { E: 4, A: 4 }, { E: 5, A: 4 }]);
  expect(out.E).toEqual({ mean: 4, sd: 1, runs: 3 });
  expect(out.A).toEqual({ mean: 4, sd: 0, runs: 3 });
  expect(out.O).toBeUndefined();
});
