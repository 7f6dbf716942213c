import { expect, test } from 'vitest';
import { bootstrapInterval, seededRandom } from './bootstrap';

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

test('the seeded RNG is reproducible and in [0, 1)', () => {
  const a = seededRandom(7);
  const b = seededRandom(7);
  const xs = Array.from({ length: 100 }, () => a());
  expect(xs).toEqual(Array.from({ length: 100 }, () => b()));
  expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
  expect(Math.max(...xs)).toBeLessThan(1);
  expect(seededRandom(8)()).not.toBe(seededRandom(7)());
});

test('a constant sample has a zero-width interval; empty has none', () => {
  expect(bootstrapInterval([2, 2, 2], mean)).toEqual({ low: 2, high: 2 });
  expect(bootstrapInterval([], mean)).toBeUndefined();
});

test('the interval of a mean brackets it, is reproducible, and is about ±1.96·SE for 0/1 data', () => {
  const data = Array.from({ length: 100 }, (_, i) => (i < 40 ? 1 : 0));
  const ci = bootstrapInterval(data, mean)!;
  expect(ci).toEqual(bootstrapInterval(data, mean));
  expect(ci.low).toBeLessThan(0.4);
  expect(ci.high).toBeGreaterThan(0.4);
  const se = Math.sqrt(0.4 * 0.6 / 100);
  expect(ci.high - ci.low).toBeGreaterThan(2 * 1.96 * se * 0.8);
  expect(ci.high - ci.low).toBeLessThan(2 * 1.96 * se * 1.2);
});
