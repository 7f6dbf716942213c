import { expect, test } from 'vitest';
import { syntheticHistory, topicWords } from './history';

test('seeded: the same history every run, with the sizes the benchmarks claim', () => {
  const a = syntheticHistory(400, { seed: 3 });
  expect(syntheticHistory(400, { seed: 3 })).toEqual(a);
  expect(a.pages.length + a.writings.length + a.reactions.length).toBe(400);
  for (const p of a.pages) expect(p.text.length).toBeGreaterThanOrEqual(2000), expect(p.text.length).toBeLessThanOrEqual(30_000);
  for (const w of a.writings) expect(w.text.length).toBeGreaterThanOrEqual(50), expect(w.text.length).toBeLessThanOrEqual(2000);
  // Interests drift: the first topic's words are in the oldest records, not the newest.
  const first = topicWords(3, 0)[0]!;
  const oldest = a.pages.slice(0, 20).filter((p) => p.text.includes(first)).length;
  const newest = a.pages.slice(-20).filter((p) => p.text.includes(first)).length;
  expect(oldest).toBeGreaterThan(newest);
});
