import { expect, test } from 'vitest';
import { parseEngineChoice } from './engine-choice';

test('parseEngineChoice keeps the two shapes of a choice and drops anything else', () => {
  expect(parseEngineChoice(JSON.stringify({ kind: 'wllama' }))).toEqual({ kind: 'wllama' });
  const gpu = { kind: 'webllm', choice: { modelId: 'SmolLM2-360M-Instruct-q4f32_1-MLC', downloadBytes: 10 } };
  expect(parseEngineChoice(JSON.stringify(gpu))).toEqual(gpu);
  expect(parseEngineChoice(null)).toBeUndefined();
  expect(parseEngineChoice('{not json')).toBeUndefined();
  expect(parseEngineChoice(JSON.stringify({ kind: 'webllm', choice: {} }))).toBeUndefined();
  expect(parseEngineChoice(JSON.stringify({ kind: 'builtin' }))).toBeUndefined();
});
