import { expect, test } from 'vitest';
import type { GenerateRequest, LlmEngine } from '../engine/port';
import type { WritingRecord } from '../model/records';
import type { PersonaContext } from './predictors';
import { rerankPredictor } from './rerank-predictor';
import { runFidelity } from './run';

const usage = { promptTokens: 0, prefilledTokens: 0, completionTokens: 0, decodeTokensPerSecond: 0 };
const signal = new AbortController().signal;
// A Scots sailor who writes short, lower-case, cheery replies.
const PAST = ['aye, grand wee sail the day, cheers', 'aye the wind was braw, cheers all', 'grand, see yous at the club, cheers'];
const writings: WritingRecord[] = PAST.map((text, i) => ({ id: `w${i}`, url: 'u', site: 's', text, source: 'form', createdAt: i + 1 }));
const persona: PersonaContext = { claims: [], training: { writings, reactions: [], pages: [] } };
const item = { id: 'i1', site: 's', context: 'How was the regatta?', reference: 'aye, braw day, cheers' };

/** Writes the given drafts in turn and records each request. */
const writer = (texts: string[]) => {
  const requests: GenerateRequest[] = [];
  const engine: Pick<LlmEngine, 'generate'> = { generate: async (request) => ({ text: texts[requests.push(request) - 1]!, finishReason: 'stop', usage }) };
  return { engine, requests };
};
const CANDIDATES = ['Dear Sir, I write to inform you that the regatta concluded satisfactorily.', 'aye, braw sail the day, cheers'];

test('the baseline arm is the first draft, the persona arm the one that sounds most like the user; each item is written once', async () => {
  const { engine, requests } = writer(CANDIDATES);
  const p = rerankPredictor(engine, { small: true, candidates: 2 });
  expect(p.bothArmsSeePersona).toBe(true);
  expect(await p.draft!(item, persona, signal, 'persona')).toBe(CANDIDATES[1]);
  expect(await p.draft!(item, persona, signal, 'baseline')).toBe(CANDIDATES[0]);
  expect(requests).toHaveLength(2);
  // The first as a task writes it; the others hotter, each with its own seed.
  expect(requests[1]!.temperature).toBeGreaterThanOrEqual(0.8);
  expect(requests[1]!.seed).not.toBe(requests[0]!.seed);
  expect(requests[1]!.messages).toEqual(requests[0]!.messages);
});

test('in a report, the paired difference is what reranking gained over the first draft', async () => {
  const many: WritingRecord[] = Array.from({ length: 40 }, (_, i) => ({ id: `w${i}`, url: `u${i}`, site: 's', text: PAST[i % 3]!, source: 'form', createdAt: (i + 1) * 1000, replyTo: 'How was it?' }));
  const { engine } = writer(Array.from({ length: 200 }, (_, i) => CANDIDATES[i % 2]!));
  const report = await runFidelity({ id: 'r', history: { pages: [], writings: many, reactions: [], personas: [] }, predictors: [rerankPredictor(engine, { small: true, candidates: 2 })], maxItems: 20 });
  const row = report.tasks.find((t) => t.predictor === 'engine-rerank' && t.task === 'style')!;
  expect(row).toMatchObject({ status: 'ok', n: 20, personaLabel: 'best of 2 by style match', baselineLabel: 'first draft' });
  if (row.status !== 'ok' || !('difference' in row)) throw new Error('no difference');
  // The baseline arm saw the persona too: its first drafts are real text, not the empty draft of no persona.
  expect(row.baseline!.lengthRatio!.value).toBeGreaterThan(0.5);
  expect(row.difference!.charTrigramCosine!.value).toBeGreaterThan(0);
  expect(row.difference!.charTrigramCosine!.interval!.low).toBeGreaterThan(0);
});
