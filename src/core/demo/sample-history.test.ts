import { describe, expect, test } from 'vitest';
import { sampleHistory } from './sample-history';

const NOW = Date.UTC(2026, 10, 22);

describe('demo history', () => {
  const history = sampleHistory(NOW);

  test('is deterministic', () => {
    expect(sampleHistory(NOW)).toEqual(history);
  });

  test('marks every record as demo and keeps ids unique', () => {
    const all = [...history.pages, ...history.writings, ...history.reactions];
    expect(all.every((r) => r.demo === true)).toBe(true);
    expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
  });

  test('lies within the 60 days before now and links reactions to stored pages', () => {
    const ids = new Set(history.pages.map((p) => p.id));
    for (const r of history.reactions) {
      expect(r.at).toBeLessThanOrEqual(NOW);
      expect(r.at).toBeGreaterThan(NOW - 61 * 86_400_000);
      expect(ids.has(r.pageId!)).toBe(true);
    }
  });

  test('is large enough for the held-out evaluation to have 20 items', () => {
    expect(history.writings.length).toBeGreaterThanOrEqual(40);
    expect(history.reactions.length).toBeGreaterThanOrEqual(60);
    expect(new Set(history.reactions.map((r) => r.kind))).toEqual(new Set(['long-read', 'scroll', 'bounce', 'bookmark', 'copy', 'reply']));
  });
});
