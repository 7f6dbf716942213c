import { describe, expect, test } from 'vitest';
import { DoppelError } from '../../core/result';
import { BUILTIN_SCORE_SAMPLES, loadBuiltinEngine, type LanguageModelApi } from './builtin-engine';

/** A Prompt API whose sessions answer from `answers` in turn, recording what they were asked. */
const fakeApi = (answers: string[], availability: Awaited<ReturnType<LanguageModelApi['availability']>> = 'available') => {
  const calls: { initialPrompts?: unknown; temperature?: number; input: string; constraint?: object }[] = [];
  let destroyed = 0;
  const api: LanguageModelApi = {
    availability: async () => availability,
    create: async (options) => ({
      promptStreaming: (input, o) => {
        calls.push({ initialPrompts: options.initialPrompts, temperature: options.temperature, input, ...(o?.responseConstraint ? { constraint: o.responseConstraint } : {}) });
        const pieces = answers.shift()!.split(' ');
        return (async function* () {
          for (const piece of pieces) yield piece;
        })();
      },
      prompt: async (input, o) => {
        calls.push({ input, ...(o?.responseConstraint ? { constraint: o.responseConstraint } : {}) });
        return answers.shift()!;
      },
      measureContextUsage: async () => 17,
      destroy: () => {
        destroyed++;
      },
    }),
  };
  return { api, calls, destroyed: () => destroyed };
};

const signal = () => new AbortController().signal;

describe('Chrome built-in model behind the engine port', () => {
  test('is refused with a sentence when the device does not have it', async () => {
    await expect(loadBuiltinEngine(undefined)).rejects.toBeInstanceOf(DoppelError);
    await expect(loadBuiltinEngine(fakeApi([], 'downloadable').api)).rejects.toThrow(/not available on this device/);
  });

  test('streams with the earlier turns as initial prompts, the temperature and the JSON schema', async () => {
    const fake = fakeApi(['{"a": 1}']);
    const engine = await loadBuiltinEngine(fake.api);
    const pieces: string[] = [];
    const schema = { type: 'object' };
    const result = await engine.generate(
      { messages: [{ role: 'system', content: 'persona' }, { role: 'user', content: 'hi' }], maxTokens: 50, temperature: 0.4, jsonSchema: schema },
      (p) => pieces.push(p),
      signal(),
    );
    expect(fake.calls[0]).toEqual({ initialPrompts: [{ role: 'system', content: 'persona' }], temperature: 0.4, input: 'hi', constraint: schema });
    expect(pieces).toEqual(['{"a":', '1}']);
    expect(result).toMatchObject({ text: '{"a":1}', finishReason: 'stop', usage: { promptTokens: 17, completionTokens: 2 } });
    expect(fake.destroyed()).toBe(1);
  });

  test('scores options by enum-constrained sampling, since it has no log-probs', async () => {
    const answers = Array.from({ length: BUILTIN_SCORE_SAMPLES }, (_, i) => JSON.stringify({ answer: i < 6 ? 'agree' : 'disagree' }));
    const fake = fakeApi(answers);
    const engine = await loadBuiltinEngine(fake.api);
    const result = await engine.scoreOptions({ messages: [{ role: 'user', content: 'Agree?' }], options: ['agree', 'disagree', 'unsure'] }, signal());
    expect(result.method).toBe('constrained-sampling');
    expect(result.probabilities).toEqual([6 / 8, 2 / 8, 0]);
    expect(fake.calls[0]!.constraint).toEqual({ type: 'object', properties: { answer: { type: 'string', enum: ['agree', 'disagree', 'unsure'] } }, required: ['answer'] });
  });
});
