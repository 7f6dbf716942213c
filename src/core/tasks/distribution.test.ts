import { expect, test } from 'vitest';
import { argmax, expectedValue, normalize, withTemperature } from './distribution';

const sum = (p: number[]) => p.reduce((a, b) => a + b, 0);

test('normalize sums to 1 and survives zeros and NaN', () => {
  expect(sum(normalize([2, 2, 4]))).toBeCloseTo(1, 12);
  expect(normalize([0, 0])).toEqual([0.5, 0.5]);
  expect(sum(normalize([Number.NaN, 1]))).toBeCloseTo(1, 12);
});

test('temperature 1 keeps the distribution; low sharpens toward argmax; high flattens', () => {
  const p = [0.1, 0.2, 0.7];
  expect(withTemperature(p, 1).map((x) => x.toFixed(9))).toEqual(p.map((x) => x.toFixed(9)));
  const cold = withTemperature(p, 0.1);
  expect(cold[2]).toBeGreaterThan(0.99);
  const hot = withTemperature(p, 10);
  expect(Math.max(...hot) - Math.min(...hot)).toBeLessThan(0.1);
  for (const t of [0.1, 0.5, 2, 10]) expect(sum(withTemperature(p, t))).toBeCloseTo(1, 12);
  expect(() => withTemperature(p, 0)).toThrow(RangeError);
});

test('expected value and argmax', () => {
  expect(expectedValue([0.5, 0, 0.5], [1, 2, 3])).toBeCloseTo(2, 12);
  expect(expectedValue([0, 0, 0, 0, 1], [1, 2, 3, 4, 5])).toBe(5);
  expect(argmax([0.2, 0.5, 0.3])).toBe(1);
});
