import { describe, expect, it } from 'vitest';
import { IPIP50_ITEMS, IPIP50_KEYS, scoreIpip50 } from './ipip50';

describe('IPIP-50 scoring', () => {
  it('has 50 items and keys covering each item exactly once, 10 per factor', () => {
    expect(IPIP50_ITEMS).toHaveLength(50);
    const all = Object.values(IPIP50_KEYS).flatMap((k) => [...k.plus, ...k.minus]).sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    for (const k of Object.values(IPIP50_KEYS)) expect(k.plus.length + k.minus.length).toBe(10);
    expect(IPIP50_ITEMS[0]).toBe('I am the life of the party');
    expect(IPIP50_ITEMS[25]).toBe('I have little to say');
    expect(IPIP50_ITEMS[49]).toBe('I am full of ideas');
  });

  it('answers of all 3 score 3 on every trait', () => {
    expect(scoreIpip50(Array(50).fill(3))).toEqual({ E: 3, A: 3, C: 3, N: 3, O: 3 });
  });

  it('all 5s: each trait is (5·plus + 1·minus) / 10, by hand', () => {
    // E 5+,5− → 30/10 = 3; A 6+,4− → 34/10; C 34/10; S 2+,8− → 18/10, N = 6 − 1.8; O 7+,3− → 38/10.
    const s = scoreIpip50(Array(50).fill(5));
    expect(s.E).toBeCloseTo(3.0, 12);
    expect(s.A).toBeCloseTo(3.4, 12);
    expect(s.C).toBeCloseTo(3.4, 12);
    expect(s.N).toBeCloseTo(4.2, 12);
    expect(s.O).toBeCloseTo(3.8, 12);
  });

  it('answer = item number mod 5 + 1, scored by hand', () => {
    const answers = Array.from({ length: 50 }, (_, i) => ((i + 1) % 5) + 1);
    // E: items 1,11,21,31,41 → 2 each (10); 6,16,26,36,46 → 2 each, reversed 4 (20) → 30/10 = 3.0
    // A: 7,17,27,37 → 3; 42 → 3; 47 → 3 (18); 2,12,22,32 → 3 → reversed 3 (12) → 30/10 = 3.0
    // C: 3,13,23,33,43 → 4; 48 → 4 (24); 8,18,28,38 → 4 → 2 (8) → 32/10 = 3.2
    // S: 9,19 → 5 (10); 4,14,24,34,44 → 5 → 1; 29,39,49 → 5 → 1 (8) → 18/10 = 1.8 → N = 4.2
    // O: 5,15,25,35,45,50 → 1 (6); 40 → 1 (1); 10,20,30 → 1 → 5 (15) → 22/10 = 2.2
    const s = scoreIpip50(answers);
    expect(s.E).toBeCloseTo(3.0, 12);
    expect(s.A).toBeCloseTo(3.0, 12);
    expect(s.C).toBeCloseTo(3.2, 12);
    expect(s.N).toBeCloseTo(4.2, 12);
    expect(s.O).toBeCloseTo(2.2, 12);
  });

  it('a hand-built extravert: plus-keyed E items 5, minus-keyed E items 1, rest 3', () => {
    const answers = Array(50).fill(3);
    for (const i of IPIP50_KEYS.E.plus) answers[i - 1] = 5;
    for (const i of IPIP50_KEYS.E.minus) answers[i - 1] = 1;
    expect(scoreIpip50(answers)).toEqual({ E: 5, A: 3, C: 3, N: 3, O: 3 });
  });

  it('rejects incomplete or out-of-range answers', () => {
    expect(() => scoreIpip50(Array(49).fill(3))).toThrow(RangeError);
    expect(() => scoreIpip50([...Array(49).fill(3), 6])).toThrow(RangeError);
  });
});
