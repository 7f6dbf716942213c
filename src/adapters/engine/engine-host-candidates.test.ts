import 'fake-indexeddb/auto';
import { expect, test } from 'vitest';
import type { LlmEngine } from '../../core/engine/port';
import type { Job } from '../../core/model/job';
import { createJobStore } from '../db/job-store';
import { createModelStore } from '../db/model-store';
import { openDoppelDb } from '../db/open-db';
import { createEngineHost } from './engine-host';
import { ggufHeaderOnly } from '../../core/engine/gguf-header';

const usage = { promptTokens: 3, prefilledTokens: 3, completionTokens: 2, decodeTokensPerSecond: 10 };

/** A test double that writes a different draft each time, taking `ms` for each. */
const drafting = (texts: string[], ms: number): LlmEngine & { calls: number } => {
  const engine = {
    kind: 'wllama' as const,
    modelId: 'fake',
    calls: 0,
    generate: async (_request: unknown, onToken: (p: string) => void) => {
      const text = texts[engine.calls++ % texts.length]!;
      await new Promise((r) => setTimeout(r, ms));
      onToken(text);
      return { text, finishReason: 'stop' as const, usage };
    },
    scoreOptions: async () => ({ probabilities: [], method: 'logprobs' as const, usage }),
    unload: async () => {},
  };
  return engine;
};

const run = async (engine: LlmEngine, styleScores?: (texts: string[]) => Promise<(number | null)[]>) => {
  const name = `host-candidates-${crypto.randomUUID()}`;
  const db = () => openDoppelDb(name);
  const jobs = createJobStore(db);
  const models = createModelStore(db);
  await models.add(new Blob([ggufHeaderOnly()]), 'starter');
  const host = createEngineHost({
    jobs,
    models,
    preflight: async () => ({ usable: false, adapter: 'none', shaderF16: false, maxStorageBufferBindingSize: 0, description: '', reason: 'none' }),
    loadCpuEngine: async () => engine,
    ...(styleScores ? { styleScores } : {}),
  });
  const job: Job = { id: crypto.randomUUID(), kind: 'draft', status: 'queued', createdAt: 1, updatedAt: 1, title: 'Reply', messages: [{ role: 'user', content: 'x' }], maxTokens: 20, temperature: 0.7, output: '', tokens: 0 };
  await jobs.put(job);
  await host.generate(job.id, () => {}, new AbortController().signal);
  return (await jobs.get(job.id))!;
};

test('a fast engine writes several drafts; the one that sounds most like the user is shown, the others kept on the job', async () => {
  const engine = drafting(['First draft here', 'Cheers, see you at the lake!', 'Second try'], 5);
  const job = await run(engine, async (texts) => texts.map((t) => (t.includes('Cheers') ? 0.9 : 0.3)));
  expect(job.error).toBeUndefined();
  expect(engine.calls).toBe(4);
  expect(job.result).toMatchObject({ kind: 'draft', text: 'Cheers, see you at the lake!' });
  const result = job.result as { candidates: { text: string; style: number }[]; rerankGain: number };
  expect(result.candidates.map((c) => c.text)).toEqual(['Cheers, see you at the lake!', 'First draft here', 'Second try', 'First draft here']);
  expect(result.rerankGain).toBeCloseTo(0.6);
  expect(job.model).toBe('starter');
});

test('a first draft slower than the budget leaves no time for more: one draft, no candidates', async () => {
  const slow = drafting(['Only draft'], 5200);
  const job = await run(slow, async (texts) => texts.map(() => 0.5));
  expect(slow.calls).toBe(1);
  expect(job.result).toEqual({ kind: 'draft', text: 'Only draft' });
}, 20_000);
