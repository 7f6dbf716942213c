import { describe, expect, test } from 'vitest';
import { negativeLogLikelihood } from './classification';
import { applyTemperature, crossFittedNll, fitTemperature } from './temperature';

describe('applyTemperature', () => {
  test('T=1 is identity; T=2 takes square roots then renormalises', () => {
    expect(applyTemperature([0.2, 0.8], 1)[0]).toBeCloseTo(0.2, 12);
    // √0.2 / (√0.2 + √0.8) = 1/3
    expect(applyTemperature([0.2, 0.8], 2)[0]).toBeCloseTo(1 / 3, 12);
  });
  test('zeros stay zero; all zeros become uniform', () => {
    expect(applyTemperature([0, 1], 3)).toEqual([0, 1]);
    expect(applyTemperature([0, 0], 3)).toEqual([0.5, 0.5]);
  });
});

describe('fitTemperature', () => {
  test('matches the closed form: 2 options, p=[0.8,0.2], true option 0 in 3 of 4 items → T = ln4 / ln3', () => {
    // With p' = σ(ln4 / T), NLL is minimised where p' equals the hit rate 3/4: ln4/T = ln3.
    const items = [0, 0, 0, 1].map((truth) => ({ probabilities: [0.8, 0.2], truth }));
    expect(fitTemperature(items)).toBeCloseTo(Math.log(4) / Math.log(3), 5);
  });
  test('overconfident predictions get T > 1 and lower NLL', () => {
    const items = [0, 1, 0, 1, 0].map((truth) => ({ probabilities: [0.95, 0.05], truth }));
    const t = fitTemperature(items);
    expect(t).toBeGreaterThan(1);
    const scaled = items.map((i) => ({ ...i, probabilities: applyTemperature(i.probabilities, t) }));
    expect(negativeLogLikelihood(scaled)).toBeLessThan(negativeLogLikelihood(items));
  });
  test('empty input → 1; always-right predictions sharpen to the lower bound', () => {
    expect(fitTemperature([])).toBe(1);
    expect(fitTemperature([{ probabilities: [0.6, 0.4], truth: 0 }])).toBeLessThan(0.06);
  });
});

describe('crossFittedNll', () => {
  test('NaN below two items; finite otherwise', () => {
    expect(crossFittedNll([{ probabilities: [0.5, 0.5], truth: 0 }])).toBeNaN();
    expect(crossFittedNll([0, 1, 0, 0].map((truth) => ({ probabilities: [0.7, 0.3], truth })))).toBeGreaterThan(0);
  });
});
