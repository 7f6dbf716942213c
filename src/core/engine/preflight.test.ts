import { describe, expect, test } from 'vitest';
import { chooseEngine } from './choose-engine';
import { evaluateAdapter, type AdapterLike } from './preflight';
import { WEBLLM_CATALOG, pickVariant } from './webllm-catalog';

const adapter = (features: string[], info: AdapterLike['info'] = { vendor: 'nvidia', architecture: 'ampere' }, extra: Partial<AdapterLike> = {}): AdapterLike => ({
  features: new Set(features),
  limits: { maxStorageBufferBindingSize: 2 ** 31 },
  info,
  ...extra,
});

const llama1b = WEBLLM_CATALOG.find((m) => m.family === 'llama-3.2-1b')!;

describe('WebGPU preflight', () => {
  test('no adapter: not usable, a human-readable reason, and the CPU engine', () => {
    const result = evaluateAdapter(null, true);
    expect(result.usable).toBe(false);
    expect(result.adapter).toBe('none');
    expect(result.reason).toMatch(/WebGPU is not available/);
    const choice = chooseEngine(result);
    expect(choice.kind).toBe('wllama');
    expect(choice.reason).toMatch(/CPU engine/);
  });

  test('no WebGPU API at all says so', () => {
    expect(evaluateAdapter(null, false).reason).toMatch(/no WebGPU API/);
  });

  test('a hardware adapter without shader-f16 is usable, and the q4f32 variant is picked', () => {
    const result = evaluateAdapter(adapter([]), true);
    expect(result.usable).toBe(true);
    expect(result.shaderF16).toBe(false);
    const variant = pickVariant(llama1b, result)!;
    expect(variant.modelId).toBe('Llama-3.2-1B-Instruct-q4f32_1-MLC');
    expect(variant.precision).toBe('f32');
    expect(variant.reason).toMatch(/shader-f16/);
    expect(chooseEngine(result).kind).toBe('webllm');
  });

  test('with shader-f16 the q4f16 variant is picked', () => {
    expect(pickVariant(llama1b, evaluateAdapter(adapter(['shader-f16']), true))?.modelId).toBe('Llama-3.2-1B-Instruct-q4f16_1-MLC');
  });

  test('a model with only an f16 build cannot run without shader-f16', () => {
    const gemma = WEBLLM_CATALOG.find((m) => m.family === 'gemma3-1b')!;
    expect(pickVariant(gemma, evaluateAdapter(adapter([]), true))).toBeNull();
  });

  test.each([
    [{ vendor: 'google', architecture: 'swiftshader' }, {}],
    [{ vendor: '', architecture: '' }, { isFallbackAdapter: true }],
  ])('a software adapter (%o) is no GPU', (info, extra) => {
    const result = evaluateAdapter(adapter([], info, extra), true);
    expect(result.adapter).toBe('software');
    expect(result.usable).toBe(false);
    expect(result.reason).toMatch(/software renderer/);
    expect(chooseEngine(result).kind).toBe('wllama');
  });
});
