import { describe, expect, it } from 'vitest';
import { addGrams, emptyGramCounts, gramEntries, snapshotOf, topCounts, topShares } from './gram-counts';

/** What the counts must be: every slice of `from`…`to` code units, counted in a Map. */
const reference = (counts: Map<string, number>, text: string, from: number, to: number, sign: 1 | -1, floor: boolean) => {
  for (let i = 0; i < text.length; i++) {
    for (let n = from; n <= to && i + n <= text.length; n++) {
      const gram = text.slice(i, i + n);
      const next = (counts.get(gram) ?? 0) + sign;
      if (next === 0 || (floor && next < 0)) counts.delete(gram);
      else counts.set(gram, next);
    }
  }
};

/** Seeded text over letters, punctuation, an astral emoji (two code units) and accents. */
const text = (chars: number, seed: number) => {
  const alphabet = ['a', 'b', 'c', 'd', 'e', 'E', ' ', ',', '.', 'é', '😀', 'ß', '\n'];
  let s = seed;
  let out = '';
  for (let i = 0; i < chars; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    out += alphabet[(s >>> 16) % alphabet.length];
  }
  return out;
};

const sorted = (entries: Iterable<[string, number]>) => [...entries].sort((a, b) => (a[0] < b[0] ? -1 : 1));

describe('gram counts', () => {
  it.each([
    [1, 4, true],
    [3, 3, false],
  ] as const)('%i…%i-grams (floor %s) equal a Map of slices through additions, removals and growth', (from, to, floor) => {
    const g = emptyGramCounts();
    const ref = new Map<string, number>();
    const texts = Array.from({ length: 60 }, (_, i) => text(50 + ((i * 37) % 400), i + 1));
    texts.forEach((t, i) => {
      const full = addGrams(g, t, from, to, 1, floor);
      reference(ref, t, from, to, 1, floor);
      expect(full).toBe(Math.max(0, t.length - to + 1));
      // Some texts come out again, and some that never went in (the floor keeps counts at 0).
      if (i % 7 === 3) {
        addGrams(g, texts[i - 2]!, from, to, -1, floor);
        reference(ref, texts[i - 2]!, from, to, -1, floor);
      }
      if (i % 11 === 5) {
        addGrams(g, 'zzq' + t.slice(0, 9), from, to, -1, floor);
        reference(ref, 'zzq' + t.slice(0, 9), from, to, -1, floor);
      }
      if (i % 6 === 5) expect(sorted(gramEntries(snapshotOf(g)))).toEqual(sorted(ref));
      expect(g.distinct).toBe(ref.size);
    });
    // The table grew from its first 1,024 ids at least twice.
    expect(g.keys.length).toBeGreaterThan(2048);
  });

  it('a snapshot keeps the counts it was taken with', () => {
    const g = emptyGramCounts();
    addGrams(g, 'the cat sat', 1, 4, 1, true);
    const before = snapshotOf(g);
    const kept = sorted(gramEntries(before));
    addGrams(g, 'the cat sat on the mat, then the dog', 1, 4, 1, true);
    addGrams(g, 'the cat sat', 1, 4, -1, true);
    expect(sorted(gramEntries(before))).toEqual(kept);
  });

  it('top counts and shares equal a full sort by count then key', () => {
    const g = emptyGramCounts();
    for (let i = 0; i < 30; i++) addGrams(g, text(300, i + 7), 1, 4, 1, true);
    const all = [...gramEntries(snapshotOf(g))].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    for (const limit of [0, 1, 5, 50, 333, all.length - 1, all.length, all.length + 10]) {
      expect(topCounts(snapshotOf(g), limit)).toEqual(Object.fromEntries(all.slice(0, limit)));
      const shares = topShares(snapshotOf(g), 1000, limit);
      expect(Object.entries(shares)).toEqual(all.slice(0, limit).map(([k, n]) => [k, n / 1000]));
    }
  });
});
