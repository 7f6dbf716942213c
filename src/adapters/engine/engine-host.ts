import type { LlmEngine, LoadProgress } from '../../core/engine/port';
import type { GpuModelChoice } from '../../core/engine/gpu-model-choice';
import type { EngineChoiceStore } from '../../core/engine/engine-choice';
import { chooseEngine } from '../../core/engine/choose-engine';
import { damagedModelMessage, GGUF_HEADER_BYTES, looksLikeGguf } from '../../core/engine/gguf-header';
import type { EngineState, EngineStatus, GpuPreflight } from '../../core/engine/status';
import type { Job, ScoreOutcome } from '../../core/model/job';
import { draftSources, finishTask } from '../../core/tasks/finish-task';
import { extraCandidates, RETRIES_WHEN_FLAWED, type DraftCandidate } from '../../core/tasks/draft-candidates';
import { draftFlaw } from '../../core/prompting/draft-quality';
import { cleanDraft } from '../../core/prompting/parse-task';
import { DoppelError, toAppError } from '../../core/result';
import type { GenerateHostMessage } from '../../messaging/protocol';
import type { JobStore } from '../db/job-store';
import type { ModelStore } from '../db/model-store';
import type { StoredModel } from '../db/schema';

export interface EngineHostDeps {
  jobs: JobStore;
  models: ModelStore;
  preflight: () => Promise<GpuPreflight>;
  /** The CPU engine; `threads` unset means the default (core/engine/cpu-threads.ts). */
  loadCpuEngine: (model: StoredModel, options: { threads?: number }) => Promise<LlmEngine & { threads?: number }>;
  /** Turns a stored model into the file the CPU engine runs fastest, once (fast-cpu-model.ts); without it the file loads as stored. */
  prepareCpuModel?: (model: StoredModel) => Promise<StoredModel>;
  /** The user's engine choice, kept across restarts; without it every start uses the CPU engine. */
  choice?: EngineChoiceStore;
  /** WebLLM; it reports download progress while it loads. */
  loadGpuEngine?: (choice: GpuModelChoice, onProgress: (progress: LoadProgress) => void) => Promise<LlmEngine & { notice?: string }>;
  /** Style match of each text with the user's style card (null without one): ranks draft candidates. */
  styleScores?: (texts: string[]) => Promise<(number | null)[]>;
  /** How often partial output is written to the job record while streaming. */
  persistEveryMs?: number;
}

/**
 * Hosts the one engine every surface shares. Generations run one at a time; later requests wait in
 * a queue, and a request whose requester disconnects is interrupted (queued or running).
 */
export const createEngineHost = (deps: EngineHostDeps) => {
  let engine: LlmEngine | null = null;
  let loaded: { id: string; name: string } | null = null;
  let state: EngineState = 'idle';
  let lastError: string | undefined;
  let progress: LoadProgress | undefined;
  let queued = 0;
  let busy = false;
  let tail: Promise<unknown> = Promise.resolve();
  const preflight = deps.preflight();
  // A job still 'running' when a host starts was running in a host that died: say so, or its
  // requester would wait forever.
  const orphansSettled = deps.jobs
    .running()
    .then((orphans) =>
      Promise.all(
        orphans.map((job) =>
          deps.jobs.update(job.id, (j) => ({
            ...j,
            status: 'failed',
            error: { code: 'generation_failed', message: 'The engine restarted while this was being written. Start it again.' },
          })),
        ),
      ),
    )
    .catch(() => {});

  const status = async (): Promise<EngineStatus> => {
    const gpu = await preflight;
    return {
      recommended: chooseEngine(gpu).kind,
      preflight: gpu,
      engine: engine?.kind ?? null,
      model: loaded,
      ...(threads !== undefined && engine?.kind === 'wllama' ? { threads } : {}),
      state,
      queued,
      ...(lastError ? { error: lastError } : {}),
      ...(progress && state === 'loading' ? { progress } : {}),
    };
  };

  let threads: number | undefined;
  let requested: number | undefined;
  const load = async (model: StoredModel, wantThreads?: number): Promise<LlmEngine> => {
    if (engine && loaded?.id === model.id && (wantThreads === undefined || wantThreads === requested)) return engine;
    state = 'loading';
    try {
      await engine?.unload();
      engine = null;
      loaded = null;
      // A file damaged on disk or by a broken download fails here with a sentence, not deep in the engine.
      if (!looksLikeGguf(new Uint8Array(await model.blob.slice(0, GGUF_HEADER_BYTES).arrayBuffer()))) throw new DoppelError('engine_load_failed', damagedModelMessage(model.name));
      const ready = deps.prepareCpuModel ? await deps.prepareCpuModel(model) : model;
      const cpu = await deps.loadCpuEngine(ready, wantThreads === undefined ? {} : { threads: wantThreads });
      engine = cpu;
      threads = cpu.threads;
      requested = wantThreads;
      loaded = { id: model.id, name: model.name };
      lastError = undefined;
      return engine;
    } catch (error) {
      lastError = toAppError(error).message;
      throw error;
    } finally {
      state = 'idle';
    }
  };

  const loadSelected = async (): Promise<LlmEngine> => {
    if (engine) return engine;
    const saved = deps.choice?.read();
    if (saved?.kind === 'webllm' && deps.loadGpuEngine) {
      await switchToGpu(saved.choice);
      if (engine) return engine;
    }
    const model = await deps.models.selected();
    if (!model) throw new DoppelError('no_model', 'No model is installed yet. Open Options → Model and add one.');
    return load(model);
  };

  /** Serialises work on the engine: one model, one generation at a time. */
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    queued++;
    const run = tail.then(async () => {
      queued--;
      busy = true;
      try {
        return await work();
      } finally {
        busy = false;
      }
    });
    tail = run.catch(() => {});
    return run;
  };

  /** Loads an installed GGUF model and makes it the user's choice (the CPU engine), across restarts. */
  const loadModel = (modelId: string, wantThreads?: number) =>
    exclusive(async () => {
      const model = await deps.models.get(modelId);
      if (!model) throw new DoppelError('not_found', 'That model is no longer installed. Add it again from Options → Model.');
      await load(model, wantThreads);
      await deps.models.select(model.id);
      deps.choice?.save({ kind: 'wllama' });
      return status();
    });

  /**
   * Loads a WebLLM model in place of the current engine. When it fails, the user gets the sentence
   * for the failure and, where the failure has no GPU remedy, the CPU engine with their GGUF model.
   */
  const loadGpuModel = (choice: GpuModelChoice) =>
    exclusive(async () => {
      if (!deps.loadGpuEngine) throw new DoppelError('engine_unavailable', 'The GPU engine is not available here. Doppel uses the CPU engine.');
      await switchToGpu(choice);
      deps.choice?.save(engine?.kind === 'webllm' ? { kind: 'webllm', choice } : { kind: 'wllama' });
      return status();
    });

  /** WebLLM in place of the current engine; on failure the CPU engine, with the sentence for it. */
  async function switchToGpu(choice: GpuModelChoice): Promise<void> {
    if (!deps.loadGpuEngine) return;
    state = 'loading';
    try {
      await engine?.unload();
      engine = null;
      loaded = null;
      const gpu = await deps.loadGpuEngine(choice, (p) => {
        progress = p;
      });
      engine = gpu;
      loaded = { id: gpu.modelId, name: gpu.modelId };
      lastError = gpu.notice;
    } catch (error) {
      const sentence = toAppError(error).message;
      state = 'idle';
      const cpu = await deps.models.selected();
      if (cpu) await load(cpu).catch(() => {});
      lastError = cpu ? `${sentence} Now using the CPU engine with ${cpu.name}.` : sentence;
    } finally {
      state = 'idle';
      progress = undefined;
    }
  }

    const sampling = (job: Job) => ({
    ...(job.stop ? { stop: job.stop } : {}),
    ...(job.repeatPenalty ? { repeatPenalty: job.repeatPenalty } : {}),
    ...(job.seed !== undefined ? { seed: job.seed } : {}),
  });

  const finish = async (jobId: string, change: Partial<Job>): Promise<Job | undefined> =>
    deps.jobs.update(jobId, (job) => ({ ...job, ...change }));

  /** Scores each option set of a structured task; an engine that cannot score yields a typed error per set. */
  const scoreSteps = async (llm: LlmEngine, job: Job, signal: AbortSignal): Promise<ScoreOutcome[]> => {
    const out: ScoreOutcome[] = [];
    for (const step of job.scoring ?? []) {
      if (signal.aborted) break;
      try {
        out.push({ key: step.key, ok: true, value: await llm.scoreOptions({ messages: step.messages, options: step.options }, signal) });
      } catch (error) {
        out.push({ key: step.key, ok: false, error: toAppError(error) });
      }
    }
    return out;
  };

  /**
   * More drafts of the same reply, as many as the first one's time says fit in a few seconds, each
   * with its style match: the panel shows the one that sounds most like the user.
   */
  const moreDrafts = async (llm: LlmEngine, job: Job, first: string, firstMs: number, signal: AbortSignal): Promise<DraftCandidate[]> => {
    const sources = draftSources(job);
    // A first draft that only echoes the post or copies a past writing is written again, however slow.
    const flawed = draftFlaw(cleanDraft(first, sources.post), sources) !== null;
    const extra = Math.max(deps.styleScores ? extraCandidates(firstMs) : 0, flawed ? RETRIES_WHEN_FLAWED : 0);
    const texts = [first];
    for (let i = extra; i > 0 && !signal.aborted; i--) {
      const options = { ...sampling(job), ...(job.seed !== undefined ? { seed: (job.seed + i) >>> 0 } : {}) };
      const more = await llm.generate({ messages: job.messages, maxTokens: job.maxTokens, temperature: Math.max(job.temperature, 0.8), ...options }, () => {}, signal).catch(() => null);
      if (more && more.finishReason !== 'aborted' && more.text.trim()) texts.push(more.text);
    }
    if (texts.length < 2) return [];
    const scores = deps.styleScores ? await deps.styleScores(texts.map((t) => cleanDraft(t, sources.post))).catch(() => texts.map(() => null)) : texts.map(() => null);
    return texts.map((text, i) => ({ text, style: scores[i] ?? null }));
  };

  type Post = (message: GenerateHostMessage) => void;
  /** A generation in flight, shared by every surface streaming its job. */
  interface Run {
    posts: Set<Post>;
    controller: AbortController;
    output: string;
    tokens: number;
    started: boolean;
    done: Promise<void>;
  }
  const runs = new Map<string, Run>();

  /** Another surface streams the same job: it gets what was written so far, then the rest; the job runs once. */
  const join = (run: Run, post: Post, signal: AbortSignal): Promise<void> => {
    if (signal.aborted) return run.done;
    run.posts.add(post);
    if (run.started) {
      post({ type: 'started' });
      if (run.output) post({ type: 'token', piece: run.output, tokens: run.tokens });
    }
    // The generation is interrupted only when the last surface streaming it goes.
    signal.addEventListener(
      'abort',
      () => {
        run.posts.delete(post);
        if (!run.posts.size) run.controller.abort();
      },
      { once: true },
    );
    return run.done;
  };

  const generate = (jobId: string, post: Post, signal: AbortSignal): Promise<void> => {
    const inFlight = runs.get(jobId);
    if (inFlight) return join(inFlight, post, signal);
    const run: Run = { posts: new Set(), controller: new AbortController(), output: '', tokens: 0, started: false, done: Promise.resolve() };
    // Registered before the first await, so a second request for the job always finds it.
    runs.set(jobId, run);
    const broadcast: Post = (message) => run.posts.forEach((p) => p(message));
    run.done = runJob(jobId, run, broadcast, run.controller.signal).finally(() => runs.delete(jobId));
    return join(run, post, signal);
  };

  const runJob = async (jobId: string, run: Run, post: Post, signal: AbortSignal): Promise<void> => {
    const job = await deps.jobs.get(jobId);
    if (!job) {
      post({ type: 'error', job: null, code: 'not_found', message: 'This request no longer exists. Start it again.' });
      return;
    }
    // A finished job is replayed, not run again: reopening a panel shows the result it had.
    if (job.status === 'done' || (job.status === 'failed' && job.result)) {
      post({ type: 'done', job });
      return;
    }
    if (busy || queued > 0) post({ type: 'queued', position: queued + 1 });
    await exclusive(async () => {
      if (signal.aborted) {
        await finish(jobId, { status: 'interrupted' });
        return;
      }
      let output = '';
      let tokens = 0;
      let lastWrite = Date.now();
      try {
        const llm = await loadSelected();
        await finish(jobId, { status: 'running', output: '', tokens: 0 });
        const startedAt = performance.now();
        run.started = true;
        post({ type: 'started' });
        state = 'generating';
        const result = await llm.generate(
          { messages: job.messages, maxTokens: job.maxTokens, temperature: job.temperature, ...(job.jsonSchema ? { jsonSchema: job.jsonSchema } : {}), ...sampling(job) },
          (piece) => {
            output += piece;
            tokens++;
            run.output = output;
            run.tokens = tokens;
            post({ type: 'token', piece, tokens });
            if (Date.now() - lastWrite > (deps.persistEveryMs ?? 500)) {
              lastWrite = Date.now();
              // A partial write that fails is overwritten by the next one or by the final result.
              void finish(jobId, { output, tokens }).catch(() => {});
            }
          },
          signal,
        );
        const aborted = result.finishReason === 'aborted';
        const scores = aborted ? [] : await scoreSteps(llm, job, signal);
        const drafts = aborted || job.kind !== 'draft' ? [] : await moreDrafts(llm, job, result.text, performance.now() - startedAt, signal);
        const done = await finish(jobId, {
          status: aborted || signal.aborted ? 'interrupted' : 'done',
          output: result.text,
          tokens,
          usage: result.usage,
          model: loaded?.name ?? llm.modelId,
          ...(aborted || signal.aborted ? {} : { result: finishTask(job, result.text, scores, drafts) }),
        });
        if (done) post({ type: 'done', job: done });
      } catch (error) {
        const appError = toAppError(error);
        const failed = await finish(jobId, { status: 'failed', output, tokens, error: appError });
        post({ type: 'error', job: failed ?? null, ...appError });
      } finally {
        state = 'idle';
      }
    });
  };

  /**
   * Runs `work` with the loaded engine, in the same queue as generations: for pipelines that live in
   * the engine host (persona rebuild, fidelity), which outlive any one surface.
   */
  const use = <T>(work: (engine: LlmEngine) => Promise<T>): Promise<T> =>
    exclusive(async () => {
      const llm = await loadSelected();
      state = 'generating';
      try {
        return await work(llm);
      } finally {
        state = 'idle';
      }
    });

  return { status, loadModel, loadGpuModel, generate, use, orphansSettled };
};

export type EngineHost = ReturnType<typeof createEngineHost>;
