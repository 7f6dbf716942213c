import { describe, expect, test } from 'vitest';
import { brierScore, expectedCalibrationError, meanReciprocalRank, negativeLogLikelihood, NLL_FLOOR, reliabilityBins, top1Accuracy, type Scored } from './classification';

const items: Scored[] = [
  { probabilities: [0.7, 0.2, 0.1], truth: 0 }, // rank 1
  { probabilities: [0.5, 0.3, 0.2], truth: 1 }, // rank 2
  { probabilities: [0.6, 0.3, 0.1], truth: 2 }, // rank 3
];

describe('top-1 accuracy and MRR', () => {
  test('hand-computed', () => {
    expect(top1Accuracy(items)).toBeCloseTo(1 / 3, 12);
    expect(meanReciprocalRank(items)).toBeCloseTo((1 + 1 / 2 + 1 / 3) / 3, 12);
  });
  test('ties: a uniform guess over 4 scores 1/4 and MRR (1+1/2+1/3+1/4)/4', () => {
    const uniform = [{ probabilities: [0.25, 0.25, 0.25, 0.25], truth: 2 }];
    expect(top1Accuracy(uniform)).toBeCloseTo(0.25, 12);
    expect(meanReciprocalRank(uniform)).toBeCloseTo((1 + 1 / 2 + 1 / 3 + 1 / 4) / 4, 12);
  });
  test('tie below the top: true option tied with one other at rank 2–3', () => {
    const tied = [{ probabilities: [0.5, 0.25, 0.25], truth: 2 }];
    expect(top1Accuracy(tied)).toBe(0);
    expect(meanReciprocalRank(tied)).toBeCloseTo((1 / 2 + 1 / 3) / 2, 12);
  });
  test('one class: always right', () => {
    expect(top1Accuracy([{ probabilities: [1], truth: 0 }])).toBe(1);
    expect(meanReciprocalRank([{ probabilities: [1], truth: 0 }])).toBe(1);
  });
  test('empty input is NaN, not 0', () => {
    expect(top1Accuracy([])).toBeNaN();
    expect(meanReciprocalRank([])).toBeNaN();
    expect(brierScore([])).toBeNaN();
    expect(negativeLogLikelihood([])).toBeNaN();
    expect(expectedCalibrationError([])).toBeNaN();
  });
});

describe('Brier', () => {
  test('hand-computed', () => {
    // (0.09+0.04+0.01) + (0.25+0.49+0.04) + (0.36+0.09+0.81) = 0.14 + 0.78 + 1.26
    expect(brierScore(items)).toBeCloseTo((0.14 + 0.78 + 1.26) / 3, 12);
  });
  test('perfect 0, confidently wrong 2', () => {
    expect(brierScore([{ probabilities: [1, 0], truth: 0 }])).toBe(0);
    expect(brierScore([{ probabilities: [1, 0], truth: 1 }])).toBe(2);
  });
});

describe('NLL', () => {
  test('hand-computed', () => {
    expect(negativeLogLikelihood(items)).toBeCloseTo(-(Math.log(0.7) + Math.log(0.3) + Math.log(0.1)) / 3, 12);
  });
  test('a zero probability is clipped to the floor', () => {
    expect(negativeLogLikelihood([{ probabilities: [1, 0], truth: 1 }])).toBeCloseTo(-Math.log(NLL_FLOOR), 12);
  });
});

describe('ECE and reliability bins', () => {
  test('hand-computed with 10 bins: bins 0.5 (n=1, acc 0), 0.6 (n=1, acc 0), 0.7 (n=1, acc 1)', () => {
    const bins = reliabilityBins(items);
    expect(bins.map((b) => b.count)).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 0, 0]);
    expect(bins[7]!.accuracy).toBe(1);
    expect(bins[0]!.accuracy).toBeNaN();
    expect(expectedCalibrationError(items)).toBeCloseTo((0.5 + 0.6 + 0.3) / 3, 12);
  });
  test('confidence 1 falls in the last bin; a perfect confident predictor has ECE 0', () => {
    const perfect = [{ probabilities: [0, 1], truth: 1 }];
    expect(reliabilityBins(perfect, 5)[4]!.count).toBe(1);
    expect(expectedCalibrationError(perfect)).toBe(0);
  });
});
