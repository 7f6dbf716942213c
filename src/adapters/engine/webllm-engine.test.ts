import type { AppConfig, ChatOptions, InitProgressReport } from '@mlc-ai/web-llm';
import { describe, expect, test } from 'vitest';
import { DoppelError } from '../../core/result';
import { loadWebLlmEngine, SMALL_CONTEXT, type WebLlmModule } from './webllm-engine';

// Named like WebLLM's own error classes: the adapter recognises them by class name.
class ShaderF16SupportError extends Error {}
class DeviceLostError extends Error {}
class WebGPUNotAvailableError extends Error {}

interface Call {
  modelId: string;
  appConfig: AppConfig;
  chatOpts?: ChatOptions;
}

const IDS = ['Qwen2.5-0.5B-Instruct-q4f16_1-MLC', 'Llama-3.2-1B-Instruct-q4f16_1-MLC', 'Llama-3.2-1B-Instruct-q4f32_1-MLC', 'gemma3-1b-it-q4f16_1-MLC', 'm'];
// WebLLM's own list points every library at a mutable branch; Doppel must never use those URLs.
const PREBUILT: AppConfig = {
  model_list: IDS.map((id) => ({ model: `https://huggingface.co/mlc-ai/${id}`, model_id: id, model_lib: `https://raw.githubusercontent.com/mlc-ai/binary-mlc-llm-libs/main/${id}.wasm` })),
  cacheBackend: 'indexeddb',
};
const PINS = { libs: IDS.map((id) => ({ modelId: id, file: `${id}.wasm`, url: `https://example.test/libs/0123abc/${id}.wasm`, integrity: 'sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=' })) };

/** A WebLLM module whose CreateMLCEngine fails with `failures` in turn, then returns a scripted engine. */
const fakeModule = (failures: unknown[] = [], replies: { create?: (request: Record<string, unknown>) => unknown } = {}) => {
  const calls: Call[] = [];
  const requests: Record<string, unknown>[] = [];
  let interrupted = 0;
  const module: WebLlmModule = {
    prebuiltAppConfig: PREBUILT,
    async CreateMLCEngine(modelId, config, chatOpts) {
      calls.push({ modelId, appConfig: config.appConfig, ...(chatOpts ? { chatOpts } : {}) });
      config.initProgressCallback({ progress: 0.1, timeElapsed: 1, text: 'Fetching param cache[1/3]: 42MB fetched. 10% completed' } as InitProgressReport);
      const failure = failures.shift();
      if (failure) throw failure;
      return {
        chat: {
          completions: {
            create: async (request: Record<string, unknown>) => {
              requests.push(request);
              return replies.create?.(request);
            },
          },
        },
        interruptGenerate: () => {
          interrupted++;
        },
        unload: async () => {},
      } as never;
    },
  };
  return { module, calls, requests, interrupted: () => interrupted };
};

const signal = () => new AbortController().signal;

describe('WebLLM adapter configuration', () => {
  test('uses the Cache API backend and never the removed useIndexedDBCache flag', async () => {
    const fake = fakeModule();
    await loadWebLlmEngine({ module: fake.module, pins: PINS, modelId: 'Qwen2.5-0.5B-Instruct-q4f16_1-MLC' });
    expect(fake.calls[0]!.appConfig.cacheBackend).toBe('cache');
    expect(fake.calls[0]!.appConfig).not.toHaveProperty('useIndexedDBCache');
  });

  test('passes only the model asked for, with its pinned library URL and SRI, never WebLLM\'s own list', async () => {
    const fake = fakeModule();
    await loadWebLlmEngine({ module: fake.module, pins: PINS, modelId: 'Qwen2.5-0.5B-Instruct-q4f16_1-MLC' });
    const { model_list } = fake.calls[0]!.appConfig;
    expect(model_list).toEqual([
      {
        model: 'https://huggingface.co/mlc-ai/Qwen2.5-0.5B-Instruct-q4f16_1-MLC',
        model_id: 'Qwen2.5-0.5B-Instruct-q4f16_1-MLC',
        model_lib: 'https://example.test/libs/0123abc/Qwen2.5-0.5B-Instruct-q4f16_1-MLC.wasm',
        integrity: { model_lib: 'sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=', onFailure: 'error' },
      },
    ]);
    expect(JSON.stringify(fake.calls[0]!.appConfig)).not.toContain('raw.githubusercontent.com');
  });

  test('the store build points the pinned library at the file inside the package', async () => {
    const fake = fakeModule();
    await loadWebLlmEngine({ module: fake.module, pins: { ...PINS, libUrl: (lib) => `chrome-extension://doppel/webllm-libs/${lib.file}` }, modelId: 'm' });
    expect(fake.calls[0]!.appConfig.model_list[0]).toMatchObject({ model_lib: 'chrome-extension://doppel/webllm-libs/m.wasm', integrity: { model_lib: PINS.libs[4]!.integrity } });
  });

  test('a model whose library is not pinned is refused before anything is fetched', async () => {
    const fake = fakeModule();
    const error = await loadWebLlmEngine({ module: fake.module, pins: { libs: [] }, modelId: 'Qwen2.5-0.5B-Instruct-q4f16_1-MLC' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DoppelError);
    expect((error as DoppelError).message).toMatch(/no verified model library/);
    expect(fake.calls).toEqual([]);
  });

  test('a custom library from a remote host needs its hash; from the package or loopback it does not', async () => {
    const fake = fakeModule();
    const remote = { modelUrl: 'https://huggingface.co/me/x-MLC', modelLibUrl: 'https://raw.githubusercontent.com/me/libs/main/x.wasm' };
    const error = await loadWebLlmEngine({ module: fake.module, modelId: 'x', custom: remote }).catch((e: unknown) => e);
    expect((error as DoppelError).message).toMatch(/A model library is code/);
    expect(fake.calls).toEqual([]);
    const integrity = 'sha256-BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB=';
    await loadWebLlmEngine({ module: fake.module, modelId: 'x', custom: { ...remote, modelLibIntegrity: integrity } });
    expect(fake.calls[0]!.appConfig.model_list[0]!.integrity).toEqual({ model_lib: integrity, onFailure: 'error' });
  });

  test('registers a custom MLC model with its own weights URL and model-library URL', async () => {
    const fake = fakeModule();
    const custom = { modelUrl: 'http://127.0.0.1:8000/humanllm-q4f32_1-MLC', modelLibUrl: 'chrome-extension://x/models/humanllm.wasm', vramMB: 1500 };
    const engine = await loadWebLlmEngine({ module: fake.module, pins: PINS, modelId: 'humanllm-q4f32_1', custom });
    const record = fake.calls[0]!.appConfig.model_list.find((m) => m.model_id === 'humanllm-q4f32_1');
    expect(record).toEqual({ model: custom.modelUrl, model_id: 'humanllm-q4f32_1', model_lib: custom.modelLibUrl, vram_required_MB: 1500 });
    expect(engine.modelId).toBe('humanllm-q4f32_1');
  });

  test('reports download progress in bytes against the size known before the download', async () => {
    const fake = fakeModule();
    const seen: { loadedBytes: number; totalBytes: number }[] = [];
    await loadWebLlmEngine({ module: fake.module, pins: PINS, modelId: 'm', downloadBytes: 300 * 2 ** 20, onProgress: (p) => seen.push(p) });
    expect(seen[0]).toMatchObject({ loadedBytes: 42 * 2 ** 20, totalBytes: 300 * 2 ** 20 });
  });
});

describe('WebLLM automatic fallbacks and error sentences', () => {
  test('switches to the q4f32 build when the adapter lacks shader-f16, and says so', async () => {
    const fake = fakeModule([new ShaderF16SupportError('This model requires WebGPU extension shader-f16')]);
    const engine = await loadWebLlmEngine({ module: fake.module, pins: PINS, modelId: 'Llama-3.2-1B-Instruct-q4f16_1-MLC', f32ModelId: 'Llama-3.2-1B-Instruct-q4f32_1-MLC' });
    expect(fake.calls.map((c) => c.modelId)).toEqual(['Llama-3.2-1B-Instruct-q4f16_1-MLC', 'Llama-3.2-1B-Instruct-q4f32_1-MLC']);
    expect(engine.modelId).toBe('Llama-3.2-1B-Instruct-q4f32_1-MLC');
    expect(engine.notice).toMatch(/32-bit/);
  });

  test('without a q4f32 build, a missing shader-f16 is a sentence saying what happens next', async () => {
    const fake = fakeModule([new Error("error: extension 'f16' is not allowed in the current environment")]);
    await expect(loadWebLlmEngine({ module: fake.module, pins: PINS, modelId: 'gemma3-1b-it-q4f16_1-MLC' })).rejects.toThrow(/16-bit/);
  });

  test.each([
    ['a lost device', new DeviceLostError('Device was lost')],
    ['out of memory', new Error('GPUOutOfMemoryError: out of memory')],
  ])('after %s, retries once with a 1k context', async (_, failure) => {
    const fake = fakeModule([failure]);
    const engine = await loadWebLlmEngine({ module: fake.module, pins: PINS, modelId: 'm' });
    expect(fake.calls[1]!.chatOpts).toEqual({ context_window_size: SMALL_CONTEXT });
    expect(engine.notice).toMatch(/smaller context/);
  });

  test('damaged cached files are deleted and downloaded once more, then reported if still damaged', async () => {
    const fake = fakeModule([new Error('Unexpected end of JSON input while reading tensor-cache.json')]);
    const deleted: string[] = [];
    const module = { ...fake.module, deleteModelAllInfoInCache: async (id: string, config?: AppConfig) => void deleted.push(`${id} ${config?.cacheBackend}`) };
    const engine = await loadWebLlmEngine({ module, pins: PINS, modelId: 'm' });
    expect(deleted).toEqual(['m cache']);
    expect(fake.calls).toHaveLength(2);
    expect(engine.notice).toMatch(/damaged.*downloaded the model again/);
    const broken = fakeModule([new Error('integrity check failed'), new Error('integrity check failed')]);
    const error = await loadWebLlmEngine({ module: { ...broken.module, deleteModelAllInfoInCache: async () => {} }, pins: PINS, modelId: 'm' }).catch((e: unknown) => e);
    expect((error as DoppelError).message).toMatch(/damaged/);
  });

  test('a second device loss is reported with what to do instead of retrying forever', async () => {
    const fake = fakeModule([new DeviceLostError('lost'), new DeviceLostError('lost again')]);
    const error = await loadWebLlmEngine({ module: fake.module, pins: PINS, modelId: 'm' }).catch((e: unknown) => e);
    expect(fake.calls).toHaveLength(2);
    expect((error as DoppelError).message).toMatch(/smaller model/);
  });

  test.each([
    ['no WebGPU', new WebGPUNotAvailableError('WebGPU is not supported in your current environment'), 'engine_unavailable', /CPU engine/],
    ['no adapter', new Error('Cannot find adapter that matches the request'), 'engine_unavailable', /CPU engine/],
    ['quota', new DOMException('The quota has been exceeded.', 'QuotaExceededError'), 'quota', /disk space/],
    ['corrupt cache', new Error('Unexpected end of JSON input while reading ndarray-cache.json'), 'engine_load_failed', /damaged.*download the model again/],
    ['anything else', new Error('boom'), 'engine_load_failed', /CPU engine.*boom/],
  ])('maps %s to a sentence that says what to do', async (_, failure, code, sentence) => {
    const error = await loadWebLlmEngine({ module: fakeModule([failure]).module, pins: PINS, modelId: 'm' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DoppelError);
    expect((error as DoppelError).code).toBe(code);
    expect((error as DoppelError).message).toMatch(sentence);
  });
});

describe('WebLLM task API', () => {
  test('asks for JSON-schema output and temperature, and reports usage', async () => {
    const fake = fakeModule([], {
      create: () =>
        (async function* () {
          yield { choices: [{ delta: { content: '{"a":' }, finish_reason: null }] };
          yield { choices: [{ delta: { content: '1}' }, finish_reason: 'stop' }] };
          yield { choices: [], usage: { prompt_tokens: 40, completion_tokens: 5, extra: { decode_tokens_per_s: 12.5 } } };
        })(),
    });
    const engine = await loadWebLlmEngine({ module: fake.module, pins: PINS, modelId: 'm' });
    const schema = { type: 'object', properties: { a: { type: 'integer' } } };
    const result = await engine.generate({ messages: [{ role: 'user', content: 'hi' }], maxTokens: 20, temperature: 0.3, jsonSchema: schema }, () => {}, signal());
    expect(fake.requests[0]).toMatchObject({ temperature: 0.3, max_tokens: 20, response_format: { type: 'json_object', schema: JSON.stringify(schema) } });
    expect(result).toEqual({ text: '{"a":1}', finishReason: 'stop', usage: { promptTokens: 40, prefilledTokens: 40, completionTokens: 5, decodeTokensPerSecond: 12.5 } });
  });

  test('scores options from the constrained first step\'s top log-probs', async () => {
    const fake = fakeModule([], {
      create: () => ({
        choices: [{ logprobs: { content: [{ token: 'B', logprob: Math.log(0.7), top_logprobs: [{ token: 'B', logprob: Math.log(0.7) }, { token: 'A', logprob: Math.log(0.3) }] }] } }],
        usage: { prompt_tokens: 30, completion_tokens: 1 },
      }),
    });
    const engine = await loadWebLlmEngine({ module: fake.module, pins: PINS, modelId: 'm' });
    const result = await engine.scoreOptions({ messages: [{ role: 'user', content: 'A or B?' }], options: ['A', 'B'] }, signal());
    expect(fake.requests[0]).toMatchObject({ max_tokens: 1, logprobs: true, top_logprobs: 5, response_format: { type: 'grammar', grammar: 'root ::= "A" | "B"' } });
    expect(result.probabilities[0]).toBeCloseTo(0.3, 9);
    expect(result.probabilities[1]).toBeCloseTo(0.7, 9);
    expect(result.method).toBe('logprobs');
  });

  test('aborting a generation interrupts WebLLM', async () => {
    const controller = new AbortController();
    const fake = fakeModule([], {
      create: () =>
        (async function* () {
          yield { choices: [{ delta: { content: 'a' }, finish_reason: null }] };
          controller.abort();
          yield { choices: [{ delta: { content: 'b' }, finish_reason: null }] };
        })(),
    });
    const engine = await loadWebLlmEngine({ module: fake.module, pins: PINS, modelId: 'm' });
    const result = await engine.generate({ messages: [], maxTokens: 9, temperature: 0 }, () => {}, controller.signal);
    expect(fake.interrupted()).toBe(1);
    expect(result.finishReason).toBe('aborted');
  });
});
