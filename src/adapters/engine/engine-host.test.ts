import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import type { GenerateRequest, LlmEngine } from '../../core/engine/port';
import type { GpuPreflight } from '../../core/engine/status';
import type { Job } from '../../core/model/job';
import type { GenerateHostMessage } from '../../messaging/protocol';
import { DoppelError } from '../../core/result';
import { createJobStore } from '../db/job-store';
import { createModelStore } from '../db/model-store';
import { openDoppelDb } from '../db/open-db';
import { createEngineHost } from './engine-host';
import { ggufHeaderOnly } from '../../core/engine/gguf-header';
import { createEngineChoiceStore } from '../browser/engine-choice-store';

let n = 0;
const NO_GPU: GpuPreflight = { usable: false, adapter: 'none', shaderF16: false, maxStorageBufferBindingSize: 0, description: 'none', reason: 'none' };

/** An engine double that writes `tokens` pieces, yielding between them, and logs what happens. */
const fakeEngine = (modelId: string, log: string[], tokens = 5): LlmEngine => ({
  kind: 'wllama',
  modelId,
  async generate(request: GenerateRequest, onToken, signal) {
    log.push(`start ${modelId} ${request.messages[0]!.content}`);
    let text = '';
    for (let i = 0; i < tokens && !signal.aborted; i++) {
      await new Promise((r) => setTimeout(r, 1));
      text += 'x';
      onToken('x');
    }
    log.push(`end ${modelId} ${request.messages[0]!.content}`);
    return { text, finishReason: signal.aborted ? 'aborted' : 'stop', usage: { promptTokens: 1, prefilledTokens: 1, completionTokens: text.length, decodeTokensPerSecond: 1 } };
  },
  scoreOptions: async () => ({ probabilities: [1], method: 'logprobs', usage: { promptTokens: 0, prefilledTokens: 0, completionTokens: 0, decodeTokensPerSecond: 0 } }),
  async unload() {
    log.push(`unload ${modelId}`);
  },
});

const setup = async () => {
  const name = `engine-host-test-${n++}`;
  const db = () => openDoppelDb(name);
  const jobs = createJobStore(db);
  const models = createModelStore(db);
  const log: string[] = [];
  const host = createEngineHost({ jobs, models, preflight: async () => NO_GPU, loadCpuEngine: async (model) => fakeEngine(model.name, log), persistEveryMs: 0 });
  return { jobs, models, log, host };
};

const job = (id: string, prompt: string, status: Job['status'] = 'queued'): Job => ({
  id, kind: 'draft', status, createdAt: 1, updatedAt: 1, title: id, messages: [{ role: 'user', content: prompt }], maxTokens: 5, temperature: 0, output: '', tokens: 0,
});

describe('engine host', () => {
  test('queues concurrent requests: both finish, one after the other, and the second is told it waits', async () => {
    const { jobs, models, log, host } = await setup();
    await models.add(new Blob([ggufHeaderOnly()]), 'm1');
    await jobs.put(job('a', 'one'));
    await jobs.put(job('b', 'two'));
    const seen: GenerateHostMessage['type'][] = [];
    const signal = new AbortController().signal;
    await Promise.all([host.generate('a', () => {}, signal), host.generate('b', (m) => seen.push(m.type), signal)]);
    expect(log).toEqual(['start m1 one', 'end m1 one', 'start m1 two', 'end m1 two']);
    expect(seen[0]).toBe('queued');
    expect((await jobs.get('a'))?.status).toBe('done');
    expect((await jobs.get('b'))?.status).toBe('done');
  });

  test('keeps one model loaded at a time: loading another unloads the first before it loads', async () => {
    const { models, log, host } = await setup();
    const first = await models.add(new Blob([ggufHeaderOnly()]), 'm1');
    const second = await models.add(new Blob([ggufHeaderOnly()]), 'm2');
    await host.loadModel(first.id);
    await host.loadModel(second.id);
    expect(log).toEqual(['unload m1']);
    expect((await host.status()).model?.name).toBe('m2');
  });

  test('the CPU engine gets the model as prepared for it (a faster layout of the same file), not as stored', async () => {
    const name = `engine-host-test-${n++}`;
    const models = createModelStore(() => openDoppelDb(name));
    const seen: string[] = [];
    const host = createEngineHost({
      jobs: createJobStore(() => openDoppelDb(name)),
      models,
      preflight: async () => NO_GPU,
      prepareCpuModel: async (model) => ({ ...model, blob: new Blob([ggufHeaderOnly(), 'prepared']) }),
      loadCpuEngine: async (model) => (seen.push(await model.blob.slice(24).text()), fakeEngine(model.name, [])),
    });
    const added = await models.add(new Blob([ggufHeaderOnly(), 'as added']), 'm');
    await host.loadModel(added.id);
    expect(seen).toEqual(['prepared']);
  });

  test('marks jobs a dead host left running as failed, with what to do', async () => {
    const name = `engine-host-test-${n++}`;
    const jobs = createJobStore(() => openDoppelDb(name));
    await jobs.put(job('orphan', 'x', 'running'));
    await jobs.put(job('waiting', 'y', 'queued'));
    const host = createEngineHost({ jobs, models: createModelStore(() => openDoppelDb(name)), preflight: async () => NO_GPU, loadCpuEngine: async () => fakeEngine('m', []) });
    await host.orphansSettled;
    expect(await jobs.get('orphan')).toMatchObject({ status: 'failed', error: { code: 'generation_failed' } });
    expect((await jobs.get('waiting'))?.status).toBe('queued');
  });
});

/** A host with one installed CPU model and the given GPU loader. */
const gpuSetup = async (loadGpuEngine: Parameters<typeof createEngineHost>[0]['loadGpuEngine']) => {
  const name = `engine-host-test-${n++}`;
  const db = () => openDoppelDb(name);
  const models = createModelStore(db);
  const cpu = await models.add(new Blob([ggufHeaderOnly()]), 'cpu-model');
  const log: string[] = [];
  const host = createEngineHost({ jobs: createJobStore(db), models, preflight: async () => NO_GPU, loadCpuEngine: async (model) => fakeEngine(model.name, log), loadGpuEngine });
  return { host, log, cpu };
};

describe('engine host with a GPU model', () => {
  test('a GPU model that fails to load leaves the CPU engine running, with the sentence for the failure', async () => {
    const { host } = await gpuSetup(async () => {
      throw new DoppelError('engine_load_failed', 'The GPU ran out of memory for this model.');
    });
    const status = await host.loadGpuModel({ modelId: 'Qwen2.5-1.5B-Instruct-q4f16_1-MLC' });
    expect(status).toMatchObject({ engine: 'wllama', model: { name: 'cpu-model' }, state: 'idle' });
    expect(status.error).toBe('The GPU ran out of memory for this model. Now using the CPU engine with cpu-model.');
  });

  test('a loaded GPU model replaces the CPU engine: one model at a time', async () => {
    const { host, cpu, log } = await gpuSetup(async ({ modelId }) => ({ ...fakeEngine(modelId, []), kind: 'webllm' }));
    await host.loadModel(cpu.id);
    const status = await host.loadGpuModel({ modelId: 'gpu-model' });
    expect(log).toEqual(['unload cpu-model']);
    expect(status).toMatchObject({ engine: 'webllm', model: { id: 'gpu-model' } });
  });
});

describe('two surfaces streaming the same job', () => {
  test('it runs once; the second sees the output so far and the end; the first closing does not stop it', async () => {
    const { jobs, models, log, host } = await setup();
    await models.add(new Blob([ggufHeaderOnly()]), 'm1');
    await jobs.put(job('shared', 'one'));
    const first: GenerateHostMessage[] = [];
    const second: GenerateHostMessage[] = [];
    const closeFirst = new AbortController();
    const a = host.generate('shared', (m) => first.push(m), closeFirst.signal);
    // The second surface (a popup and the panel) opens while the first streams.
    for (let i = 0; i < 1000 && !first.some((m) => m.type === 'token'); i++) await new Promise((r) => setTimeout(r, 0));
    expect(first.some((m) => m.type === 'token')).toBe(true);
    const b = host.generate('shared', (m) => second.push(m), new AbortController().signal);
    closeFirst.abort();
    await Promise.all([a, b]);
    expect(log).toEqual(['start m1 one', 'end m1 one']);
    const done = await jobs.get('shared');
    expect(done?.status).toBe('done');
    const streamed = second.filter((m) => m.type === 'token').map((m) => (m as { piece: string }).piece).join('');
    expect(streamed).toBe(done?.output);
    expect(second.at(-1)?.type).toBe('done');
  });
});

/** What localStorage holds for the engine host, between two hosts (a browser restart). */
const memoryStorage = () => {
  const items = new Map<string, string>();
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) };
};

describe('engine choice across restarts', () => {
  const restartable = async () => {
    const name = `engine-host-test-${n++}`;
    const db = () => openDoppelDb(name);
    const models = createModelStore(db);
    const storage = memoryStorage();
    const gpuLoads: string[] = [];
    const start = () =>
      createEngineHost({
        jobs: createJobStore(db),
        models,
        preflight: async () => NO_GPU,
        loadCpuEngine: async (model) => fakeEngine(model.name, []),
        loadGpuEngine: async ({ modelId }) => (gpuLoads.push(modelId), { ...fakeEngine(modelId, []), kind: 'webllm' as const }),
        choice: createEngineChoiceStore(storage),
      });
    return { models, start, gpuLoads };
  };
  const task = (host: ReturnType<typeof createEngineHost>) => host.use(async (engine) => engine.modelId);

  test('a chosen GPU model is what the next host loads for the first task', async () => {
    const { models, start, gpuLoads } = await restartable();
    await models.add(new Blob([ggufHeaderOnly()]), 'cpu-model');
    await start().loadGpuModel({ modelId: 'gpu-model', downloadBytes: 5 });
    const next = start();
    expect((await next.status()).engine).toBe(null);
    expect(await task(next)).toBe('gpu-model');
    expect(gpuLoads).toEqual(['gpu-model', 'gpu-model']);
  });

  test('going back to a CPU model sticks too, even when another was added later', async () => {
    const { models, start } = await restartable();
    const older = await models.add(new Blob([ggufHeaderOnly()]), 'older');
    await models.add(new Blob([ggufHeaderOnly()]), 'newer');
    const host = start();
    await host.loadGpuModel({ modelId: 'gpu-model' });
    await host.loadModel(older.id);
    expect(await task(start())).toBe('older');
  });

  test('without a stored choice the newest model is used, as before', async () => {
    const { models, start } = await restartable();
    await models.add(new Blob([ggufHeaderOnly()]), 'older');
    await models.add(new Blob([ggufHeaderOnly()]), 'newer');
    expect(await task(start())).toBe('newer');
  });
});

describe('a small model’s plain interview answer', () => {
  test('is generated once: the records decide what it rests on, and a record that answers gives the answer when the model’s words do not', async () => {
    const name = `engine-host-test-${n++}`;
    const db = () => openDoppelDb(name);
    const jobs = createJobStore(db);
    const models = createModelStore(db);
    // Measured SmolLM2 answers: generic advice, never the user's (docs/small-models.md).
    const answers = ['Start with the basics and have fun.', 'Sailing is about the journey.', 'Pick a stable dinghy, learn to capsize on purpose, and wear a wetsuit.'];
    const W1 = 'For beginners I always say: pick a stable dinghy, learn to capsize on purpose, and wear a wetsuit.';
    const seeds: (number | undefined)[] = [];
    const engine: LlmEngine = {
      kind: 'wllama',
      modelId: 'small',
      async generate(request, onToken) {
        seeds.push(request.seed);
        const text = answers[seeds.length - 1]!;
        onToken(text);
        return { text, finishReason: 'stop', usage: { promptTokens: 1, prefilledTokens: 1, completionTokens: 1, decodeTokensPerSecond: 1 } };
      },
      scoreOptions: async () => ({ probabilities: [1], method: 'logprobs', usage: { promptTokens: 0, prefilledTokens: 0, completionTokens: 0, decodeTokensPerSecond: 0 } }),
      unload: async () => {},
    };
    const host = createEngineHost({ jobs, models, preflight: async () => NO_GPU, loadCpuEngine: async () => engine, persistEveryMs: 0 });
    await models.add(new Blob([ggufHeaderOnly()]), 'small');
    await jobs.put({
      ...job('i', 'q'),
      kind: 'interview',
      seed: 7,
      source: { site: '', question: 'What advice do I give beginners?' },
      evidence: [{ id: 'w1', kind: 'writing', site: 's', label: 'l' }],
      answerSources: [{ id: 'w1', text: W1 }],
    });
    await host.generate('i', () => {}, new AbortController().signal);
    const done = await jobs.get('i');
    // Asking again cannot change what the records hold; on a CPU each retry costs tens of seconds.
    expect(seeds).toEqual([7]);
    expect(done?.output).toBe(answers[0]);
    expect(done?.result).toEqual({ kind: 'interview', known: true, answer: W1, cited: ['w1'] });
  });
});
