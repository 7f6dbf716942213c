import { describe, expect, test } from 'vitest';
import { extraCandidates, MAX_CANDIDATES, rankCandidates, rerankGain } from './draft-candidates';

describe('draft candidates', () => {
  test('as many extra drafts as the first one says fit in the budget, never more than the cap', () => {
    expect(extraCandidates(1200, 5000)).toBe(3);
    expect(extraCandidates(2400, 5000)).toBe(2);
    expect(extraCandidates(6000, 5000)).toBe(0);
    expect(extraCandidates(10, 5000)).toBe(MAX_CANDIDATES - 1);
    expect(extraCandidates(0, 5000)).toBe(0);
  });

  test('the best style match goes first; without scores the written order stays; empty drafts go last', () => {
    expect(rankCandidates([{ text: 'a', style: 0.2 }, { text: 'b', style: 0.7 }, { text: 'c', style: 0.5 }]).map((c) => c.text)).toEqual(['b', 'c', 'a']);
    expect(rankCandidates([{ text: 'a', style: null }, { text: 'b', style: null }]).map((c) => c.text)).toEqual(['a', 'b']);
    expect(rankCandidates([{ text: ' ', style: 0.9 }, { text: 'b', style: 0.1 }]).map((c) => c.text)).toEqual(['b', ' ']);
  });

  test('the gain of reranking is the chosen draft’s style match over the first one’s', () => {
    expect(rerankGain({ text: 'a', style: 0.2 }, { text: 'b', style: 0.7 })).toBeCloseTo(0.5);
    expect(rerankGain({ text: 'a', style: null }, { text: 'a', style: null })).toBe(0);
  });
});
