import { expect, test } from 'vitest';
import type { GenerateRequest, LlmEngine, ScoreRequest } from '../engine/port';
import { enginePredictor } from './engine-predictors';
import type { PersonaContext } from './predictors';

const usage = { promptTokens: 0, prefilledTokens: 0, completionTokens: 0, decodeTokensPerSecond: 0 };
const recording = () => {
  const generated: GenerateRequest[] = [];
  const scored: ScoreRequest[] = [];
  const engine: LlmEngine = {
    kind: 'wllama',
    modelId: 'double',
    generate: async (request) => (generated.push(request), { text: ' hi ', finishReason: 'stop', usage }),
    scoreOptions: async (request) => (scored.push(request), { probabilities: request.options.map((_, i, all) => (i === all.length - 1 ? 1 : 0)), method: 'logprobs', usage }),
    unload: async () => {},
  };
  return { engine, generated, scored };
};
const persona: PersonaContext = {
  claims: [{ id: 'c', text: 'Watches ospreys', kind: 'interest', evidence: ['w1'], confidence: 1, firstSeen: 0, lastSeen: 0, origin: 'inferred' }],
  training: { writings: [{ id: 'w1', url: 'u', site: 's', text: 'aye, cheers', source: 'form', createdAt: 1 }], reactions: [], pages: [] },
};
const signal = new AbortController().signal;
const item = { id: 'i', site: 's', url: 'u', title: 'T', text: 'page', context: 'ctx', reference: 'r', truth: 0, actual: 0 };

test('the persona arm adds the persona and past writings; the baseline arm has neither', async () => {
  const { engine, generated } = recording();
  const p = enginePredictor(engine);
  expect(await p.draft!(item, persona, signal)).toBe('hi');
  await p.draft!(item, null, signal);
  expect(generated[0]!.messages[1]!.content).toContain('Watches ospreys');
  expect(generated[0]!.messages[1]!.content).toContain('aye, cheers');
  expect(generated[1]!.messages[1]!.content).not.toContain('Watches ospreys');
  expect(generated[1]!.messages[1]!.content).not.toContain('aye, cheers');
});

test('reactions: one scored answer per option; scroll depth is the expected value over 0–100%', async () => {
  const { engine, scored } = recording();
  const p = enginePredictor(engine);
  expect(await p.scoreReaction!(item, ['like', 'bounce'], null, signal)).toEqual([0, 1]);
  expect(scored[0]!.options).toEqual(['I liked it.', 'I left almost at once.']);
  expect(await p.predictNumeric!(item, persona, signal)).toBe(1);
});

test('on a small model the persona arm drafts from the user’s writings as earlier turns; the baseline from none', async () => {
  const { engine, generated } = recording();
  const p = enginePredictor(engine, { small: true });
  expect(await p.draft!(item, persona, signal)).toBe('hi');
  await p.draft!(item, null, signal);
  expect(generated[0]!.messages.some((m) => m.role === 'assistant' && m.content === 'aye, cheers')).toBe(true);
  expect(generated[1]!.messages.map((m) => m.role)).toEqual(['system', 'user']);
  expect(generated[0]!.stop).toContain('<|');
  expect(generated[0]!.temperature).toBe(0.3);
});
