import { expect, test } from 'vitest';
import { aggregateKl } from './divergence';

test('hand-computed: truths [0,0,1] smoothed to (2.5, 1.5)/4 against the mean prediction (0.5, 0.5)', () => {
  const predicted = [[0.6, 0.4], [0.4, 0.6], [0.5, 0.5]];
  const p = [2.5 / 4, 1.5 / 4];
  expect(aggregateKl(predicted, [0, 0, 1], 2)).toBeCloseTo(p[0]! * Math.log(p[0]! / 0.5) + p[1]! * Math.log(p[1]! / 0.5), 12);
});

test('zero predicted probability stays finite (floored); matching distributions give ~0', () => {
  expect(Number.isFinite(aggregateKl([[1, 0]], [1], 2))).toBe(true);
  // truths (1,1) smoothed → (0.5, 0.5), predicted (0.5, 0.5)
  expect(aggregateKl([[0.5, 0.5], [0.5, 0.5]], [0, 1], 2)).toBeCloseTo(0, 12);
});

test('one class and empty input', () => {
  expect(aggregateKl([[1]], [0], 1)).toBeCloseTo(0, 12);
  expect(aggregateKl([], [], 3)).toBeNaN();
});
