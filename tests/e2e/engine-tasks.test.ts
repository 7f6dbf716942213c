import { afterEach, beforeEach, expect, test } from 'vitest';
import { expectNoLeaks, HAS_MODEL, launchDoppel, MODEL_SKIP_REASON, type Doppel } from './harness';
import { addStoriesModel, callHost } from './helpers';

let doppel: Doppel;
beforeEach(async () => {
  doppel = await launchDoppel();
});
afterEach(async () => {
  await doppel.close();
});

const STORY = [{ role: 'user' as const, content: 'Once upon a time there was a little girl named' }];
const label = HAS_MODEL ? 'stories260K' : MODEL_SKIP_REASON;

const SCHEMA = {
  type: 'object',
  properties: {
    mood: { type: 'string', enum: ['happy', 'sad', 'angry'] },
    score: { type: 'integer', minimum: 1, maximum: 5 },
  },
  required: ['mood', 'score'],
  additionalProperties: false,
};

test.skipIf(!HAS_MODEL)(`the CPU engine writes JSON that satisfies a schema, under a grammar (${label})`, async () => {
  await addStoriesModel(doppel);
  for (const temperature of [0, 1]) {
    const reply = await callHost<{ text: string; finishReason: string; usage: { completionTokens: number; promptTokens: number } }>(doppel, 'host.complete', {
      messages: STORY,
      maxTokens: 64,
      temperature,
      jsonSchema: SCHEMA,
    });
    if (!reply.ok) throw new Error(reply.error.message);
    const parsed = JSON.parse(reply.value.text) as Record<string, unknown>;
    expect(Object.keys(parsed).sort()).toEqual(['mood', 'score']);
    expect(['happy', 'sad', 'angry']).toContain(parsed.mood);
    expect(Number.isInteger(parsed.score)).toBe(true);
    expect(reply.value.usage.completionTokens).toBeGreaterThan(3);
    expect(reply.value.usage.promptTokens).toBeGreaterThan(5);
  }
  expectNoLeaks(doppel);
});

test.skipIf(!HAS_MODEL)(`the CPU engine returns option probabilities from log-probs that sum to 1 (${label})`, async () => {
  await addStoriesModel(doppel);
  const options = [' Lily', ' Tom', ' a big red truck that'];
  const reply = await callHost<{ probabilities: number[]; method: string; usage: { promptTokens: number; prefilledTokens: number } }>(doppel, 'host.score', {
    messages: STORY,
    options,
  });
  if (!reply.ok) throw new Error(reply.error.message);
  const { probabilities, method, usage } = reply.value;
  expect(method).toBe('logprobs');
  expect(probabilities).toHaveLength(options.length);
  expect(probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  for (const p of probabilities) expect(p).toBeGreaterThanOrEqual(0);
  // A real model tells a name from a run-on phrase: the scores are far from uniform.
  expect(Math.max(...probabilities) - Math.min(...probabilities)).toBeGreaterThan(0.1);
  // The shared prompt is prefilled once, then reused from the KV cache for the other options.
  expect(usage.prefilledTokens).toBeLessThan(usage.promptTokens);
  expectNoLeaks(doppel);
});
