import { describe, expect, test } from 'vitest';
import { planRetention, retentionWalk, type RetentionItem, type RetentionPolicy } from './retention';

const day = 86_400_000;

/** A small seeded generator, so a failure names the same case every run. */
const random = (seed: number) => () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);

const walk = (items: readonly RetentionItem[], policy: RetentionPolicy, now: number) => {
  const goes = retentionWalk(policy, now, items.reduce((sum, i) => sum + i.bytes, 0));
  const out: string[] = [];
  for (const item of [...items].sort((a, b) => a.at - b.at)) {
    if (!goes(item)) break;
    out.push(item.id);
  }
  return out;
};

describe('retentionWalk', () => {
  test('oldest first, it deletes exactly what planRetention plans over every record', () => {
    const next = random(7);
    const stores = ['pages', 'writings', 'reactions'] as const;
    for (let round = 0; round < 400; round++) {
      const n = Math.floor(next() * 60);
      // Distinct times: with ties the two may pick different records of the same age.
      const items: RetentionItem[] = Array.from({ length: n }, (_, i) => ({ id: `r${i}`, store: stores[i % 3]!, at: Math.floor(next() * 400 * day) + i, bytes: 1 + Math.floor(next() * 5000) }));
      const total = items.reduce((sum, i) => sum + i.bytes, 0);
      const policy = { maxAgeDays: next() < 0.3 ? 0 : Math.floor(next() * 400), maxBytes: next() < 0.3 ? 0 : Math.floor(next() * total * 1.2) };
      const planned = planRetention(items, policy, 400 * day).map((i) => i.id).sort();
      expect(walk(items, policy, 400 * day).sort()).toEqual(planned);
    }
  });

  test('no limits: the first record already ends the walk', () => {
    expect(retentionWalk({ maxAgeDays: 0, maxBytes: 0 }, 10 * day, 1e9)({ at: 0, bytes: 10 })).toBe(false);
  });
});
