import { describe, expect, test } from 'vitest';
import type { ReactionRecord, WritingRecord } from '../model/records';
import { historyFrequencyPredictor, styleMatchPredictor } from './deterministic-predictors';
import type { PersonaContext } from './predictors';

const signal = new AbortController().signal;
const writing = (id: string, text: string, site = 'a.test', createdAt = 1): WritingRecord => ({ id, url: `https://${site}/`, site, text, source: 'form', createdAt });
const reaction = (id: string, kind: ReactionRecord['kind'], site: string, value?: number): ReactionRecord => ({ id, url: `https://${site}/`, site, kind, at: 1, ...(value === undefined ? {} : { value }) });
const persona = (writings: WritingRecord[], reactions: ReactionRecord[]): PersonaContext => ({ claims: [], training: { writings, reactions, pages: [] } });

describe('style-match', () => {
  test('with persona: the context\'s first words for 30% of the typical length, then the past writing that overlaps the context most', async () => {
    const p = persona([writing('w1', 'gardening tomatoes all summer long in the back yard'), writing('w2', 'the train was late again this morning, as it often is')], []);
    // Typical length: the median of 9 and 11 words = 10; 3 words of the context, then the train writing, cut at 10 words.
    expect(await styleMatchPredictor.draft!({ id: 'x', site: 'a.test', context: 'Why is the train always late?', reference: '' }, p, signal)).toBe('why is the the train was late again this morning,');
  });
  test('without persona: the first 30 context words, lowercased tokens', async () => {
    const context = Array.from({ length: 40 }, (_, i) => `W${i}`).join(' ');
    const out = await styleMatchPredictor.draft!({ id: 'x', site: 'a.test', context, reference: '' }, null, signal);
    expect(out.split(' ')).toHaveLength(30);
    expect(out.startsWith('w0 w1')).toBe(true);
  });
});

describe('history-frequency', () => {
  const options = ['like', 'bounce'];
  test('without persona: uniform', async () => {
    expect(await historyFrequencyPredictor.scoreReaction!({ id: 'x', site: 's', url: '', title: '', text: '', truth: 0 }, options, null, signal)).toEqual([0.5, 0.5]);
  });
  test('hand-computed backoff: site counts (2, 0) + 2·global (3/5, 2/5) → (3.2, 0.8)/4', async () => {
    // global counts like 2, bounce 1, add-one → (3, 2)/5
    const p = persona([], [reaction('r1', 'like', 's'), reaction('r2', 'like', 's'), reaction('r3', 'bounce', 't')]);
    const probs = await historyFrequencyPredictor.scoreReaction!({ id: 'x', site: 's', url: '', title: '', text: '', truth: 0 }, options, p, signal);
    expect(probs[0]).toBeCloseTo(0.8, 12);
    expect(probs[0]! + probs[1]!).toBeCloseTo(1, 12);
  });
  test('scroll depth: site mean, then overall mean, then 0.5', async () => {
    const p = persona([], [reaction('r1', 'scroll', 's', 0.2), reaction('r2', 'scroll', 's', 0.6), reaction('r3', 'scroll', 't', 1)]);
    const item = (site: string) => ({ id: 'x', site, url: '', title: '', text: '', actual: 0 });
    expect(await historyFrequencyPredictor.predictNumeric!(item('s'), p, signal)).toBeCloseTo(0.4, 12);
    expect(await historyFrequencyPredictor.predictNumeric!(item('u'), p, signal)).toBeCloseTo(0.6, 12);
    expect(await historyFrequencyPredictor.predictNumeric!(item('u'), persona([], []), signal)).toBe(0.5);
    expect(await historyFrequencyPredictor.predictNumeric!(item('s'), null, signal)).toBe(0.5);
  });
});
