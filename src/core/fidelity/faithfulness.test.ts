import { describe, expect, test } from 'vitest';
import type { Claim } from '../persona/types';
import { faithfulness, judgeClaims, lexicalOverlapJudge } from './faithfulness';

const claim = (id: string, text: string, evidence: string[]): Claim => ({ id, text, kind: 'interest', evidence, confidence: 0.8, firstSeen: 0, lastSeen: 0, origin: 'inferred' });
const records: Record<string, string> = {
  w1: 'I went sailing on the loch again, the wind was perfect for sailing.',
  w2: 'Baking sourdough bread every weekend is my therapy.',
};

describe('lexicalOverlapJudge', () => {
  test('half of the content words is enough; function words do not count', () => {
    // content words: enjoys, sailing → "sailing" present = 1/2
    expect(lexicalOverlapJudge('Enjoys sailing', records.w1!)).toBe(true);
    // content words: enjoys, chess, tournaments → 0/3
    expect(lexicalOverlapJudge('Enjoys chess tournaments', records.w1!)).toBe(false);
    expect(lexicalOverlapJudge('it is the', records.w1!)).toBe(false);
  });
});

describe('faithfulness', () => {
  test('hand-computed: 1 supported, 1 unsupported, 1 with a deleted record, 1 without evidence → 1/4', async () => {
    const verdicts = await judgeClaims(
      [claim('a', 'Bakes sourdough bread', ['w2']), claim('b', 'Plays chess competitively', ['w1']), claim('c', 'Loves sailing', ['w1', 'gone']), claim('d', 'Likes sailing', [])],
      (id) => records[id],
    );
    expect(verdicts.map((v) => v.supported)).toEqual([true, false, false, false]);
    expect(verdicts[2]).toMatchObject({ resolved: 1, cited: 2 });
    expect(faithfulness(verdicts)).toBe(0.25);
  });
  test('a pluggable (async) judge decides support', async () => {
    const verdicts = await judgeClaims([claim('a', 'anything', ['w1'])], (id) => records[id], async () => true);
    expect(faithfulness(verdicts)).toBe(1);
  });
  test('no claims → NaN', () => {
    expect(faithfulness([])).toBeNaN();
  });
});
