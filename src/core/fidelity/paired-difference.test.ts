import { describe, expect, test } from 'vitest';
import type { FidelityHistory } from './items';
import { REACTION_OPTIONS } from './items';
import { pairedDifferences } from './paired-difference';

const history: FidelityHistory = {
  pages: [],
  writings: Array.from({ length: 50 }, (_, i) => ({ id: `w${i}`, url: 'https://a.test/x', site: 'a.test', text: `the river was high on day ${i}`, replyTo: 'how was the river?', source: 'form' as const, createdAt: i })),
  reactions: Array.from({ length: 50 }, (_, i) => ({ id: `r${i}`, url: 'https://a.test/x', site: 'a.test', kind: 'reply' as const, at: i })),
  personas: [],
};
const share = 0.2;
const reply = REACTION_OPTIONS.indexOf('reply');
const one = (at: number) => REACTION_OPTIONS.map((_, i) => (i === at ? 0.9 : 0.1 / (REACTION_OPTIONS.length - 1)));

describe('pairedDifferences', () => {
  test('a persona arm that writes the reference and puts mass on the truth wins, with an interval that excludes 0', () => {
    const predictions: Record<string, string | number[]> = {};
    for (let i = 40; i < 50; i++) {
      predictions[`engine/style/persona/w${i}`] = `the river was high on day ${i}`;
      predictions[`engine/style/baseline/w${i}`] = 'I do not know.';
      predictions[`engine/reaction/persona/r${i}`] = one(reply);
      predictions[`engine/reaction/baseline/r${i}`] = one(0);
    }
    const rows = pairedDifferences(history, { predictions, split: { share } as never }, 'engine');
    const rougeL = rows.find((r) => r.metric === 'rougeL')!;
    expect(rougeL).toMatchObject({ task: 'style', n: 10 });
    expect(rougeL.difference).toBeGreaterThan(0.5);
    expect(rougeL.interval!.low).toBeGreaterThan(0);
    const brier = rows.find((r) => r.metric === 'brier')!;
    expect(brier.difference).toBeLessThan(0);
    expect(brier.interval!.high).toBeLessThan(0);
  });

  test('identical arms differ by exactly 0; items missing an arm are left out', () => {
    const predictions: Record<string, string | number[]> = {};
    for (let i = 40; i < 50; i++) {
      predictions[`engine/style/persona/w${i}`] = 'same';
      if (i > 41) predictions[`engine/style/baseline/w${i}`] = 'same';
    }
    const rows = pairedDifferences(history, { predictions, split: { share } as never }, 'engine');
    expect(rows.find((r) => r.metric === 'rouge1')).toMatchObject({ n: 8, difference: 0, interval: { low: 0, high: 0 } });
    expect(rows.some((r) => r.task === 'reaction')).toBe(false);
  });
});
