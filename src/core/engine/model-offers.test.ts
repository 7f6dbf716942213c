import { describe, expect, test } from 'vitest';
import { DEFAULT_CPU_MODEL } from './cpu-catalog';
import { evaluateAdapter, type AdapterLike } from './preflight';
import { webLlmCatalogFor } from './model-offers';
import { recommendModel } from './recommend-model';
import { f32VariantOf, WEBLLM_CATALOG } from './webllm-catalog';
import type { PinnedLib } from './webllm-libs';

// As if every catalogued library were pinned (this build pins none; see webllm-libs.ts).
const PINNED: PinnedLib[] = WEBLLM_CATALOG.flatMap((m) => [m.f16, m.f32].flatMap((v) => (v ? [{ modelId: v.id, file: `${v.id}.wasm`, url: `https://example.test/${v.id}.wasm`, integrity: 'sha256-AAAA' }] : [])));

const GB = 2 ** 30;
const MB = 2 ** 20;
const gpu = (features: string[], maxStorageBufferBindingSize = 2 * GB, vendor = 'nvidia'): AdapterLike => ({
  features: new Set(features),
  limits: { maxStorageBufferBindingSize },
  info: { vendor, architecture: 'ampere' },
});

describe('WebLLM catalog on this device', () => {
  test('a hardware adapter without shader-f16 is offered only q4f32 variants', () => {
    const { offers, excluded } = webLlmCatalogFor(evaluateAdapter(gpu([]), true), PINNED);
    expect(offers.length).toBeGreaterThan(3);
    for (const offer of offers) {
      expect(offer.variant.precision).toBe('f32');
      expect(offer.variant.modelId).toMatch(/q4f32_1/);
    }
    expect(excluded.map((e) => e.model.family)).toContain('gemma3-1b');
  });

  test('with shader-f16 the q4f16 variants are offered', () => {
    const { offers } = webLlmCatalogFor(evaluateAdapter(gpu(['shader-f16']), true), PINNED);
    expect(offers.every((o) => o.variant.modelId.includes('q4f16_1'))).toBe(true);
    expect(offers).toHaveLength(WEBLLM_CATALOG.length);
  });

  test('with too little VRAM only the models that fit are offered, and the rest say why', () => {
    // An integrated GPU on a 4 GB machine: about 2 GB shared, 1.6 GB of it for the model.
    const preflight = evaluateAdapter(gpu(['shader-f16'], 2 * GB, 'intel'), true, 4);
    expect(preflight.vramEstimateMB).toBe(2048);
    const { offers, excluded } = webLlmCatalogFor(preflight, PINNED);
    for (const offer of offers) expect(offer.variant.vramMB).toBeLessThanOrEqual(2048 * 0.8);
    expect(offers.map((o) => o.model.family)).toContain('smollm2-360m');
    expect(excluded.map((e) => e.model.family)).toEqual(expect.arrayContaining(['llama-3.2-3b', 'qwen3-1.7b']));
    expect(excluded.find((e) => e.model.family === 'llama-3.2-3b')?.reason).toMatch(/GPU memory/);
  });

  test('with a 128 MB storage-buffer limit only the models whose buffers fit are offered', () => {
    const preflight = { ...evaluateAdapter(gpu(['shader-f16'], 128 * MB), true), vramEstimateMB: 8192 };
    const { offers, excluded } = webLlmCatalogFor(preflight, PINNED);
    const offered = offers.map((o) => o.model.family);
    // Embedding tables over 128 MB: Llama 3B (197 MB), Qwen3 1.7B (156 MB), Gemma 3 1B (151 MB).
    expect(offered).not.toContain('llama-3.2-3b');
    expect(offered).not.toContain('qwen3-1.7b');
    expect(offered).not.toContain('gemma3-1b');
    expect(offered).toEqual(expect.arrayContaining(['qwen2.5-1.5b', 'llama-3.2-1b', 'qwen2.5-0.5b', 'smollm2-360m']));
    expect(excluded.find((e) => e.model.family === 'gemma3-1b')?.reason).toMatch(/128 MB storage-buffer/);
  });

  test('the f32 switch finds the q4f32 build of a q4f16 id', () => {
    expect(f32VariantOf('Llama-3.2-1B-Instruct-q4f16_1-MLC')).toBe('Llama-3.2-1B-Instruct-q4f32_1-MLC');
    expect(f32VariantOf('gemma3-1b-it-q4f16_1-MLC')).toBeUndefined();
  });
});

describe('recommended model', () => {
  test('a capable GPU gets the best WebLLM model that fits, with the reason', () => {
    const rec = recommendModel(evaluateAdapter(gpu(['shader-f16']), true), undefined, PINNED);
    expect(rec).toMatchObject({ engine: 'webllm', modelId: 'Qwen2.5-1.5B-Instruct-q4f16_1-MLC', contextWindow: 4096 });
    expect(rec.reason).toMatch(/largest model that fits/);
    expect(rec.downloadBytes).toBeGreaterThan(500 * MB);
  });

  test('no GPU or a software adapter gets the CPU default, saying why', () => {
    const none = recommendModel(evaluateAdapter(null, true));
    expect(none).toMatchObject({ engine: 'wllama', modelId: DEFAULT_CPU_MODEL.id });
    expect(none.reason).toMatch(/WebGPU is not available.*CPU engine/);
    const swiftshader = recommendModel(evaluateAdapter({ ...gpu([]), info: { vendor: 'google', architecture: 'swiftshader' } }, true));
    expect(swiftshader.engine).toBe('wllama');
    expect(swiftshader.reason).toMatch(/software renderer/);
  });

  test('a low-memory device gets the smallest CPU model', () => {
    expect(recommendModel(evaluateAdapter(null, true), 2).modelId).toBe('smollm2-360m-instruct-q8_0');
  });
});

describe('a catalogued model whose library is not pinned', () => {
  test('is never offered, and the recommendation says the CPU engine is used because of it', () => {
    const preflight = evaluateAdapter(gpu(['shader-f16']), true);
    const { offers, excluded } = webLlmCatalogFor(preflight, []);
    expect(offers).toEqual([]);
    expect(excluded).toHaveLength(WEBLLM_CATALOG.length);
    expect(excluded.every((e) => /no verified model library/.test(e.reason))).toBe(true);
    const rec = recommendModel(preflight, undefined, []);
    expect(rec.engine).toBe('wllama');
    expect(rec.reason).toMatch(/no verified GPU model library/);
  });
});
