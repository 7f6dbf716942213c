import 'fake-indexeddb/auto';
import { expect, test } from 'vitest';
import type { LlmEngine, ScoreRequest } from '../../core/engine/port';
import type { Job } from '../../core/model/job';
import { DoppelError } from '../../core/result';
import type { GenerateHostMessage } from '../../messaging/protocol';
import { createJobStore } from '../db/job-store';
import { createModelStore } from '../db/model-store';
import { openDoppelDb } from '../db/open-db';
import { createEngineHost } from './engine-host';
import { ggufHeaderOnly } from '../../core/engine/gguf-header';

let n = 0;
const usage = { promptTokens: 3, prefilledTokens: 3, completionTokens: 2, decodeTokensPerSecond: 10 };

/** A test double of the engine: streams fixed pieces, scores options by a table (or cannot score). */
const fakeEngine = (pieces: string[], score: ((r: ScoreRequest) => number[]) | null, seen: { schema?: object }): LlmEngine => ({
  kind: 'wllama',
  modelId: 'fake',
  generate: async (request, onToken) => {
    seen.schema = request.jsonSchema;
    for (const p of pieces) onToken(p);
    return { text: pieces.join(''), finishReason: 'stop', usage };
  },
  scoreOptions: async (request) => {
    if (!score) throw new DoppelError('engine_unavailable', 'This engine cannot score options yet.');
    return { probabilities: score(request), method: 'logprobs', usage };
  },
  unload: async () => {},
});

const setup = async (engine: LlmEngine) => {
  const name = `host-test-${n++}`;
  const db = () => openDoppelDb(name);
  const jobs = createJobStore(db);
  const models = createModelStore(db);
  await models.add(new Blob([ggufHeaderOnly()]), 'fake');
  const host = createEngineHost({
    jobs,
    models,
    preflight: async () => ({ usable: false, adapter: 'none', shaderF16: false, maxStorageBufferBindingSize: 0, description: '', reason: 'none' }),
    loadCpuEngine: async () => engine,
  });
  return { jobs, host };
};

const reactJob = (): Job => ({
  id: crypto.randomUUID(),
  kind: 'react',
  status: 'queued',
  createdAt: 1,
  updatedAt: 1,
  title: 'React',
  messages: [{ role: 'user', content: 'x' }],
  maxTokens: 50,
  temperature: 0,
  jsonSchema: { type: 'object' },
  scoring: [
    { key: 'attention', messages: [{ role: 'user', content: 'a' }], options: ['read closely', 'skim', 'leave'] },
    { key: 'stance', messages: [{ role: 'user', content: 's' }], options: ['agree', 'disagree', 'mixed'] },
  ],
  evidence: [{ id: 'p1', kind: 'page', site: 's', label: 'l' }],
  output: '',
  tokens: 0,
});

const run = async (host: Awaited<ReturnType<typeof setup>>['host'], jobId: string) => {
  const messages: GenerateHostMessage[] = [];
  await host.generate(jobId, (m) => messages.push(m), new AbortController().signal);
  return messages;
};

test('a structured job streams, passes its schema, scores every option set and stores a typed result', async () => {
  const seen: { schema?: object } = {};
  const { jobs, host } = await setup(fakeEngine(['{"thought":"ok",', '"comment":"nice","evidence":["p1"]}'], (r) => r.options.map((_, i) => i + 1), seen));
  const job = reactJob();
  await jobs.put(job);
  const messages = await run(host, job.id);
  expect(messages.filter((m) => m.type === 'token')).toHaveLength(2);
  expect(seen.schema).toEqual({ type: 'object' });
  const stored = await jobs.get(job.id);
  expect(stored?.status).toBe('done');
  expect(stored?.result).toMatchObject({ kind: 'react', thought: 'ok', comment: 'nice', cited: ['p1'] });
  const sets = stored?.result?.kind === 'react' ? stored.result.sets : [];
  expect(sets.map((s) => s.key)).toEqual(['attention', 'stance']);
  for (const s of sets) expect(s.probabilities.reduce((a, b) => a + b)).toBeCloseTo(1, 12);
});

test('an engine that cannot score still finishes the job, with the scoring error on the result', async () => {
  const { jobs, host } = await setup(fakeEngine(['{"thought":"a","comment":"b","evidence":[]}'], null, {}));
  const job = reactJob();
  await jobs.put(job);
  await run(host, job.id);
  const stored = await jobs.get(job.id);
  expect(stored?.status).toBe('done');
  expect(stored?.result).toMatchObject({ kind: 'react', sets: [], scoringError: { code: 'engine_unavailable' } });
});

test('a finished job is replayed to a new viewer without running the engine again', async () => {
  let calls = 0;
  const engine = fakeEngine(['x'], null, {});
  const { jobs, host } = await setup({ ...engine, generate: async (...args) => (calls++, engine.generate(...args)) });
  const job: Job = { ...reactJob(), status: 'done', output: 'old', result: { kind: 'draft', text: 'old' } };
  await jobs.put(job);
  const messages = await run(host, job.id);
  expect(calls).toBe(0);
  expect(messages).toEqual([{ type: 'done', job }]);
});
