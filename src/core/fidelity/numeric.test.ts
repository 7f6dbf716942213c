import { expect, test } from 'vitest';
import { expectedValue, meanAbsoluteError, rootMeanSquaredError } from './numeric';

test('MAE and RMSE, hand-computed: errors 1, −3, 0', () => {
  const pairs = [{ predicted: 3, actual: 2 }, { predicted: 1, actual: 4 }, { predicted: 5, actual: 5 }];
  expect(meanAbsoluteError(pairs)).toBeCloseTo(4 / 3, 12);
  expect(rootMeanSquaredError(pairs)).toBeCloseTo(Math.sqrt(10 / 3), 12);
});

test('empty input is NaN; perfect is 0', () => {
  expect(meanAbsoluteError([])).toBeNaN();
  expect(rootMeanSquaredError([])).toBeNaN();
  expect(rootMeanSquaredError([{ predicted: 2, actual: 2 }])).toBe(0);
});

test('expected value over a Likert scale', () => {
  expect(expectedValue([0.5, 0, 0, 0, 0.5], [1, 2, 3, 4, 5])).toBe(3);
  expect(expectedValue([0, 0, 1], [0, 0.5, 1])).toBe(1);
});
