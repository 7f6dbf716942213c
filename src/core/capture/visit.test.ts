import { describe, expect, test } from 'vitest';
import { planRetention } from './retention';
import { reactionsOfVisit } from './visit';

describe('reactionsOfVisit', () => {
  test('a long read', () => {
    expect(reactionsOfVisit({ dwellMs: 90_000, maxScroll: 0.9 })).toEqual([
      { kind: 'long-read', value: 90_000 },
      { kind: 'scroll', value: 0.9 },
    ]);
  });
  test('a quick bounce', () => {
    expect(reactionsOfVisit({ dwellMs: 2_000, maxScroll: 0 })).toEqual([{ kind: 'bounce', value: 2_000 }]);
  });
  test('a middling visit with scrolling is neither', () => {
    expect(reactionsOfVisit({ dwellMs: 20_000, maxScroll: 0.5 })).toEqual([{ kind: 'scroll', value: 0.5 }]);
  });
  test('hostile values are clamped', () => {
    expect(reactionsOfVisit({ dwellMs: Number.NaN, maxScroll: 7 })).toEqual([{ kind: 'scroll', value: 1 }]);
  });
});

describe('planRetention', () => {
  const day = 86_400_000;
  const items = [
    { id: 'old', store: 'pages' as const, at: 0, bytes: 10 },
    { id: 'mid', store: 'pages' as const, at: 5 * day, bytes: 100 },
    { id: 'new', store: 'writings' as const, at: 9 * day, bytes: 100 },
  ];
  test('by age', () => {
    expect(planRetention(items, { maxAgeDays: 7, maxBytes: 0 }, 10 * day).map((i) => i.id)).toEqual(['old']);
    expect(planRetention(items, { maxAgeDays: 3, maxBytes: 0 }, 10 * day).map((i) => i.id)).toEqual(['old', 'mid']);
  });
  test('by size, oldest first', () => {
    expect(planRetention(items, { maxAgeDays: 0, maxBytes: 150 }, 10 * day).map((i) => i.id)).toEqual(['old', 'mid']);
    expect(planRetention(items, { maxAgeDays: 0, maxBytes: 200 }, 10 * day).map((i) => i.id)).toEqual(['old']);
  });
  test('no limits keep everything', () => {
    expect(planRetention(items, { maxAgeDays: 0, maxBytes: 0 }, 10 * day)).toEqual([]);
  });
});
