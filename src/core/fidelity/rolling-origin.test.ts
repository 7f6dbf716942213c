import { describe, expect, it } from 'vitest';
import { moreNeeded, rollingOrigin } from './rolling-origin';

const rec = (id: string, at: number) => ({ id, at });
const at = (r: { at: number }) => r.at;

describe('rollingOrigin', () => {
  it('predicts each record after the first minTrain from everything before it (hand-computed)', () => {
    // Time order: a(1) b(2) c(3) d(4) e(5); minTrain 2 → c learns from {a,b}, d from {a,b,c}, e from {a,b,c,d}.
    const { sorted, origins } = rollingOrigin([rec('e', 5), rec('a', 1), rec('c', 3), rec('b', 2), rec('d', 4)], at, { minTrain: 2 });
    expect(sorted.map((r) => r.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(origins.map((o) => [o.record.id, sorted.slice(0, o.index).map((r) => r.id).join('')])).toEqual([['c', 'ab'], ['d', 'abc'], ['e', 'abcd']]);
  });

  it('keeps only the newest maxItems, breaks time ties by id, and skips ineligible records', () => {
    const records = [rec('x', 1), rec('b', 2), rec('a', 2), rec('c', 3), rec('d', 4), rec('e', 5)];
    const { sorted, origins } = rollingOrigin(records, at, { minTrain: 1, maxItems: 2 });
    expect(sorted.map((r) => r.id)).toEqual(['x', 'a', 'b', 'c', 'd', 'e']);
    expect(origins.map((o) => [o.record.id, o.index])).toEqual([['d', 4], ['e', 5]]);
    const even = rollingOrigin(records, at, { minTrain: 1, eligible: (r) => r.at % 2 === 0 });
    expect(even.origins.map((o) => o.record.id)).toEqual(['a', 'b', 'd']);
  });

  it('a user with 30 writings gets 20 scored items; 40 writings get 30; fewer than 11 get none', () => {
    const n = (count: number) => rollingOrigin(Array.from({ length: count }, (_, i) => rec(`w${i}`, i)), at).origins.length;
    expect([n(30), n(40), n(10), n(0), n(200)]).toEqual([20, 30, 0, 0, 60]);
  });

  it('says how many more records are needed', () => {
    expect([moreNeeded(0), moreNeeded(25), moreNeeded(30), moreNeeded(90)]).toEqual([30, 5, 0, 0]);
  });
});
