import { Wllama, type ChatCompletionChunk, type RawCompletionChunk, type ResultTimings } from '@wllama/wllama';
import wasmUrl from '@wllama/wllama/esm/wasm/wllama.wasm?url';
import { normaliseLogProbs, optionsGrammar } from '../../core/engine/option-scoring';
import { createStopFilter } from '../../core/engine/stop-filter';
import type { ChatMessage, GenerateRequest, GenerateResult, LlmEngine, ScoreRequest, ScoreResult, Usage } from '../../core/engine/port';
import { contextOverflow, shrinkMessages } from '../../core/prompting/fit-context';
import { toPlainTranscript } from '../../core/prompting/plain-transcript';
import { DoppelError } from '../../core/result';
import { withTimeout } from './with-timeout';
import { optionLogLikelihood, tokenLogProbs } from './wllama-logprobs';

export interface WllamaOptions {
  modelId: string;
  blob: Blob;
  /** See `cpuThreads` (core/engine/cpu-threads.ts); more than one needs cross-origin isolation. */
  threads?: number;
  contextSize?: number;
  loadTimeoutMs?: number;
}

const silent = { debug: () => {}, log: () => {}, warn: () => {}, error: console.error.bind(console) };

export const usageFrom = (timings: ResultTimings | undefined, completionTokens: number, startedAt: number, firstTokenAt: number): Usage => {
  const decodeMs = timings?.predicted_ms ?? performance.now() - (firstTokenAt || startedAt);
  const promptTokens = (timings?.prompt_n ?? 0) + (timings?.cache_n ?? 0);
  return {
    promptTokens,
    prefilledTokens: timings?.prompt_n ?? promptTokens,
    completionTokens,
    decodeTokensPerSecond: timings?.predicted_per_second ?? (decodeMs > 0 ? (completionTokens * 1000) / decodeMs : 0),
    ...(timings?.prompt_per_second ? { prefillTokensPerSecond: timings.prompt_per_second } : {}),
  };
};

const addUsage = (a: Usage, b: Usage): Usage => ({
  promptTokens: a.promptTokens + b.promptTokens,
  prefilledTokens: a.prefilledTokens + b.prefilledTokens,
  completionTokens: a.completionTokens + b.completionTokens,
  decodeTokensPerSecond: b.decodeTokensPerSecond || a.decodeTokensPerSecond,
});

const ZERO_USAGE: Usage = { promptTokens: 0, prefilledTokens: 0, completionTokens: 0, decodeTokensPerSecond: 0 };

export const loadWllamaEngine = async (options: WllamaOptions): Promise<LlmEngine> => {
  const wllama = new Wllama({ default: wasmUrl }, { suppressNativeLog: true, logger: silent, allowOffline: true });
  // The compat build would be fetched from a CDN: Doppel never downloads code.
  wllama.setCompat(null);
  try {
    await withTimeout(
      wllama.loadModel([options.blob], { n_threads: options.threads ?? 1, n_ctx: options.contextSize ?? 2048 }),
      options.loadTimeoutMs ?? 60_000,
      'engine_timeout',
      'The CPU engine did not finish loading the model in time. Reload Doppel, or try a smaller model.',
    );
  } catch (error) {
    await wllama.exit().catch(() => {});
    if (error instanceof DoppelError) throw error;
    throw new DoppelError('engine_load_failed', `The CPU engine could not load this model file (${(error as Error).message}). Check that it is a GGUF file.`);
  }
  // Base models (stories260K) have no chat template: they get a plain transcript through the raw
  // completion path, which takes the same grammar, schema and log-prob options as chat.
  const hasTemplate = wllama.getChatTemplate() !== null;

  /**
   * One completion on whichever path the model supports. `cache_prompt` keeps the KV cache of the
   * previous prompt, so a task sharing the persona prefix re-prefills only what differs.
   */
  const completeOnce = async (
    messages: ChatMessage[],
    params: { maxTokens: number; temperature: number; jsonSchema?: object; grammar?: string; logprobs?: boolean; repeatPenalty?: number; seed?: number },
    onPiece: ((piece: string) => void) | null,
    signal: AbortSignal,
  ) => {
    const constraint = params.grammar ? { grammar: params.grammar } : params.jsonSchema ? { json_schema: params.jsonSchema } : {};
    const common = {
      abortSignal: signal,
      max_tokens: params.maxTokens,
      temperature: params.temperature,
      temp: params.temperature,
      cache_prompt: true,
      ...(params.repeatPenalty && params.repeatPenalty !== 1 ? { penalty_repeat: params.repeatPenalty, penalty_last_n: 64 } : {}),
      ...(params.seed !== undefined ? { seed: params.seed } : {}),
      ...constraint,
    };
    if (onPiece) {
      let timings: ResultTimings | undefined;
      let finish: string | null | undefined = null;
      const take = (piece: string | null | undefined, chunk: { timings?: ResultTimings }, reason: string | null | undefined) => {
        if (chunk.timings) timings = chunk.timings;
        if (reason) finish = reason;
        if (piece) onPiece(piece);
      };
      if (hasTemplate) {
        const schemaFormat = params.jsonSchema && !params.grammar ? { response_format: { type: 'json_schema' as const, json_schema: { name: 'output', schema: params.jsonSchema, strict: true } } } : {};
        await wllama.createChatCompletion({
          ...common,
          ...schemaFormat,
          stream: true,
          messages,
          onData: (chunk: ChatCompletionChunk) => take(chunk.choices[0]?.delta.content, chunk, chunk.choices[0]?.finish_reason),
        } as never);
      } else {
        await wllama.createCompletion({
          ...common,
          stream: true,
          prompt: toPlainTranscript(messages),
          onData: (chunk: RawCompletionChunk) => take(chunk.choices[0]?.text, chunk, chunk.choices[0]?.finish_reason),
        } as never);
      }
      return { timings, finish, logprobs: [] };
    }
    const probs = params.logprobs ? (hasTemplate ? { logprobs: true, top_logprobs: 1 } : { n_probs: 1 }) : {};
    const response = (hasTemplate
      ? await wllama.createChatCompletion({ ...common, ...probs, stream: false, messages } as never)
      : await wllama.createCompletion({ ...common, ...probs, stream: false, prompt: toPlainTranscript(messages) } as never)) as unknown as {
      choices: { finish_reason: string | null }[];
      timings?: ResultTimings;
    };
    return { timings: response.timings, finish: response.choices[0]?.finish_reason, logprobs: tokenLogProbs(response as never) };
  };

  /**
   * A prompt longer than the loaded context is shortened from the middle of its longest parts (the
   * quoted evidence) and tried again: llama.cpp says by how much it overflowed. The smaller-context
   * fallback, instead of a failure the user can do nothing about.
   */
  const complete: typeof completeOnce = async (messages, params, onPiece, signal) => {
    let current = messages;
    for (let attempt = 0; ; attempt++) {
      try {
        return await completeOnce(current, params, onPiece, signal);
      } catch (error) {
        const overflow = contextOverflow(error instanceof Error ? error.message : String(error));
        if (!overflow || attempt >= 3 || signal.aborted) throw error;
        const room = Math.max(overflow.available - params.maxTokens - 16, overflow.available / 4);
        current = shrinkMessages(current, (room / overflow.requested) * 0.9);
      }
    }
  };

  const generate = async (request: GenerateRequest, onToken: (piece: string) => void, signal: AbortSignal): Promise<GenerateResult> => {
    let text = '';
    let tokens = 0;
    let timings: ResultTimings | undefined;
    let finish: GenerateResult['finishReason'] = 'stop';
    const startedAt = performance.now();
    let firstTokenAt = 0;
    // A stop text ends the generation here: wllama's chat path takes no stop strings.
    const stops = createStopFilter(request.stop ?? []);
    const inner = new AbortController();
    const forward = () => inner.abort();
    signal.addEventListener('abort', forward, { once: true });
    try {
      const result = await complete(
        request.messages,
        request,
        (piece) => {
          if (!firstTokenAt) firstTokenAt = performance.now();
          tokens++;
          const { emit, stopped } = stops.push(piece);
          if (emit) {
            text += emit;
            onToken(emit);
          }
          if (stopped) inner.abort();
        },
        inner.signal,
      );
      timings = result.timings;
      if (result.finish === 'length') finish = 'length';
    } catch (error) {
      if (!inner.signal.aborted) throw new DoppelError('generation_failed', `The CPU engine stopped with an error (${(error as Error).message}). Try again.`);
    } finally {
      signal.removeEventListener('abort', forward);
    }
    const rest = stops.flush();
    if (rest) {
      text += rest;
      onToken(rest);
    }
    if (signal.aborted) finish = 'aborted';
    return { text, finishReason: finish, usage: usageFrom(timings, tokens, startedAt, firstTokenAt) };
  };

  /**
   * Sequence log-likelihood of each option: a grammar forces the reply to be exactly that option,
   * and llama.cpp reports each forced token's log-prob from the model's own distribution (before the
   * grammar), so the sum is log P(option | prompt). The shared prompt stays in the KV cache between
   * options, so only the first option pays for the prefill.
   */
  const scoreOptions = async (request: ScoreRequest, signal: AbortSignal): Promise<ScoreResult> => {
    if (request.options.length === 0) throw new DoppelError('bad_request', 'There is nothing to score: give at least one option.');
    const logLikelihoods: number[] = [];
    let usage = ZERO_USAGE;
    for (const option of request.options) {
      if (signal.aborted) throw new DoppelError('aborted', 'Stopped.');
      const startedAt = performance.now();
      const maxTokens = new TextEncoder().encode(option).length + 2;
      try {
        const result = await complete(request.messages, { maxTokens, temperature: 0, grammar: optionsGrammar([option]), logprobs: true }, null, signal);
        logLikelihoods.push(optionLogLikelihood(option, result.logprobs));
        usage = addUsage(usage, usageFrom(result.timings, result.logprobs.length, startedAt, startedAt));
      } catch (error) {
        if (signal.aborted) throw new DoppelError('aborted', 'Stopped.');
        throw new DoppelError('generation_failed', `The CPU engine could not score the options (${(error as Error).message}). Try again.`);
      }
    }
    return { probabilities: normaliseLogProbs(logLikelihoods), method: 'logprobs', usage };
  };

  return {
    kind: 'wllama',
    modelId: options.modelId,
    generate,
    scoreOptions,
    unload: () => wllama.exit(),
  };
};
