import { describe, expect, it } from 'vitest';
import { bootstrapInterval } from './bootstrap';
import { pairedDifference } from './paired';

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

describe('pairedDifference', () => {
  it('a constant per-item lift has a zero-width interval at that lift, however different the items are', () => {
    const baseline = [0.1, 0.9, 0.3, 0.7, 0.5, 0.2, 0.8];
    const persona = baseline.map((x) => x + 0.05);
    const d = pairedDifference(persona, baseline, mean)!;
    expect(d.value).toBeCloseTo(0.05, 12);
    expect(d.interval!.low).toBeCloseTo(0.05, 12);
    expect(d.interval!.high).toBeCloseTo(0.05, 12);
    // Two separate intervals overlap widely and would call it "no difference".
    const p = bootstrapInterval(persona, mean)!;
    const b = bootstrapInterval(baseline, mean)!;
    expect(p.low).toBeLessThan(b.high);
  });

  it('differences 0 and 1 on two items: mean 0.5, resample means 0, ½ or 1 → 95% interval [0, 1] (hand-computed)', () => {
    // P(both draws the 0 item) = ¼ > 2.5%, P(both the 1 item) = ¼ > 2.5%: the 2.5% and 97.5% percentiles are 0 and 1.
    const d = pairedDifference([1, 1], [1, 0], mean)!;
    expect(d).toEqual({ value: 0.5, interval: { low: 0, high: 1 } });
  });

  it('identical arms differ by exactly 0; no items give no difference; arms must be paired', () => {
    expect(pairedDifference([0.2, 0.4], [0.2, 0.4], mean)).toEqual({ value: 0, interval: { low: 0, high: 0 } });
    expect(pairedDifference([], [], mean)).toBeUndefined();
    expect(() => pairedDifference([1], [1, 2], mean)).toThrow(RangeError);
  });

  it('works for statistics that are not item means (resampled on the same items)', () => {
    const max = (xs: readonly number[]) => Math.max(...xs);
    const d = pairedDifference([3, 1, 2], [1, 1, 1], max)!;
    expect(d.value).toBe(2);
    expect(d.interval!.low).toBeGreaterThanOrEqual(0);
    expect(d.interval!.high).toBe(2);
  });
});
