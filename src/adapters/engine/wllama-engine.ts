import { Wllama, type ChatCompletionChunk, type RawCompletionChunk, type ResultTimings } from '@wllama/wllama';
import wasmUrl from '@wllama/wllama/esm/wasm/wllama.wasm?url';
import type { GenerateRequest, GenerateResult, LlmEngine, Usage } from '../../core/engine/port';
import { toPlainTranscript } from '../../core/prompting/plain-transcript';
import { DoppelError } from '../../core/result';
import { withTimeout } from './with-timeout';

export interface WllamaOptions {
  modelId: string;
  blob: Blob;
  /** One thread by default: multi-threading needs cross-origin isolation, and leaves the user's cores free. */
  threads?: number;
  contextSize?: number;
  loadTimeoutMs?: number;
}

const silent = { debug: () => {}, log: () => {}, warn: () => {}, error: console.error.bind(console) };

const usageFrom = (timings: ResultTimings | undefined, completionTokens: number, startedAt: number, firstTokenAt: number): Usage => {
  const decodeMs = timings?.predicted_ms ?? performance.now() - (firstTokenAt || startedAt);
  const promptTokens = (timings?.prompt_n ?? 0) + (timings?.cache_n ?? 0);
  return {
    promptTokens,
    prefilledTokens: timings?.prompt_n ?? promptTokens,
    completionTokens,
    decodeTokensPerSecond: timings?.predicted_per_second ?? (decodeMs > 0 ? (completionTokens * 1000) / decodeMs : 0),
  };
};

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
  const hasTemplate = wllama.getChatTemplate() !== null;

  const generate = async (request: GenerateRequest, onToken: (piece: string) => void, signal: AbortSignal): Promise<GenerateResult> => {
    let text = '';
    let tokens = 0;
    let timings: ResultTimings | undefined;
    let finish: GenerateResult['finishReason'] = 'stop';
    const startedAt = performance.now();
    let firstTokenAt = 0;
    const take = (piece: string | null | undefined, chunk: { timings?: ResultTimings }, reason: string | null | undefined) => {
      if (chunk.timings) timings = chunk.timings;
      if (reason === 'length') finish = 'length';
      if (!piece) return;
      if (!firstTokenAt) firstTokenAt = performance.now();
      tokens++;
      text += piece;
      onToken(piece);
    };
    const common = { stream: true as const, abortSignal: signal, max_tokens: request.maxTokens, temperature: request.temperature, temp: request.temperature };
    try {
      if (hasTemplate) {
        await wllama.createChatCompletion({
          ...common,
          messages: request.messages,
          ...(request.jsonSchema ? { response_format: { type: 'json_schema' as const, json_schema: { name: 'output', schema: request.jsonSchema, strict: true } } } : {}),
          onData: (chunk: ChatCompletionChunk) => take(chunk.choices[0]?.delta.content, chunk, chunk.choices[0]?.finish_reason),
        });
      } else {
        await wllama.createCompletion({
          ...common,
          prompt: toPlainTranscript(request.messages),
          onData: (chunk: RawCompletionChunk) => take(chunk.choices[0]?.text, chunk, chunk.choices[0]?.finish_reason),
        });
      }
    } catch (error) {
      if (!signal.aborted) throw new DoppelError('generation_failed', `The CPU engine stopped with an error (${(error as Error).message}). Try again.`);
      finish = 'aborted';
    }
    if (signal.aborted) finish = 'aborted';
    return { text, finishReason: finish, usage: usageFrom(timings, tokens, startedAt, firstTokenAt) };
  };

  return {
    kind: 'wllama',
    modelId: options.modelId,
    generate,
    // Option scoring from token log-probs is built in the engine issue (#4).
    scoreOptions: () => Promise.reject(new DoppelError('engine_unavailable', 'This engine cannot score options yet.')),
    unload: () => wllama.exit(),
  };
};
