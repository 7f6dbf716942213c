import type { AppConfig, ChatCompletion, ChatCompletionChunk, ChatOptions, InitProgressReport, MLCEngineInterface, ModelRecord } from '@mlc-ai/web-llm';
import type { CustomWebLlmModel } from '../../core/engine/gpu-model-choice';
import { SMALL_CONTEXT } from '../../core/engine/model-offers';
import { customLibAllowed, pinnedLib, WEBLLM_LIBS, type PinnedLib } from '../../core/engine/webllm-libs';
import { firstTokenProbabilities, optionsGrammar } from '../../core/engine/option-scoring';
import type { GenerateRequest, GenerateResult, LlmEngine, LoadProgress, ScoreRequest, ScoreResult, Usage } from '../../core/engine/port';
import { parseWebLlmProgress } from '../../core/engine/webllm-progress';
import { DoppelError } from '../../core/result';
import { classifyWebLlmError, mapWebLlmError, webLlmErrorSentence } from './webllm-errors';

type MlcEngine = Pick<MLCEngineInterface, 'chat' | 'interruptGenerate' | 'unload'>;

/** The part of the @mlc-ai/web-llm module Doppel uses, injected so tests can supply their own. */
export interface WebLlmModule {
  CreateMLCEngine(
    modelId: string,
    config: { appConfig: AppConfig; initProgressCallback: (report: InitProgressReport) => void },
    chatOpts?: ChatOptions,
  ): Promise<MlcEngine>;
  prebuiltAppConfig: AppConfig;
  /** Deletes a model's weights, config and tokenizer from WebLLM's cache: the remedy for damaged files. */
  deleteModelAllInfoInCache?(modelId: string, appConfig?: AppConfig): Promise<void>;
}

export type { CustomWebLlmModel };

export interface WebLlmOptions {
  module: WebLlmModule;
  modelId: string;
  custom?: CustomWebLlmModel;
  /** The q4f32 build of the same model, switched to when the adapter lacks shader-f16. */
  f32ModelId?: string;
  /** Total download size, known from the catalog before the download starts. */
  downloadBytes?: number;
  onProgress?: (progress: LoadProgress) => void;
  pins?: LibPins;
}

export { SMALL_CONTEXT };

/**
 * The Cache API backend is WebLLM's default and best tested (`useIndexedDBCache`
 * no longer exists). WebLLM's own model list is NOT passed through: its libraries sit on a mutable
 * branch of a code host. The list holds exactly one record, the model asked for: a catalogued
 * model with its pinned library (URL + SRI, which WebLLM checks before instantiating it), or a
 * custom model whose library is the extension's own file, on the user's machine, or hash-pinned.
 */
export const webLlmAppConfig = (module: WebLlmModule, modelId: string, custom?: CustomWebLlmModel, pins: LibPins = {}): AppConfig => {
  const libs = pins.libs ?? WEBLLM_LIBS;
  if (custom) {
    if (!customLibAllowed(custom.modelLibUrl, custom.modelLibIntegrity)) {
      throw new DoppelError('bad_request', 'A model library is code, so Doppel runs one only from its own package, from a server on your own computer (127.0.0.1 or localhost), or with its sha256 given. Serve the .wasm locally or add its hash.');
    }
    return {
      model_list: [
        {
          model: custom.modelUrl,
          model_id: modelId,
          model_lib: custom.modelLibUrl,
          ...(custom.vramMB ? { vram_required_MB: custom.vramMB } : {}),
          ...(custom.modelLibIntegrity ? { integrity: { model_lib: custom.modelLibIntegrity, onFailure: 'error' as const } } : {}),
        },
      ],
      cacheBackend: 'cache',
    };
  }
  const lib = pinnedLib(modelId, libs);
  const prebuilt = module.prebuiltAppConfig.model_list.find((m) => m.model_id === modelId);
  if (!lib || !prebuilt) {
    throw new DoppelError('engine_unavailable', `This build of Doppel carries no verified model library for ${modelId}, so it will not run one fetched from elsewhere. Use the CPU engine, or a custom model (docs/custom-models.md).`);
  }
  const { model_lib: _unpinned, integrity: _theirs, ...record } = prebuilt;
  return {
    model_list: [{ ...record, model_lib: pins.libUrl ? pins.libUrl(lib) : lib.url, integrity: { model_lib: lib.integrity, onFailure: 'error' } }],
    cacheBackend: 'cache',
  };
};

/** Which libraries are pinned (tests inject their own) and where the build serves them from. */
export interface LibPins {
  libs?: readonly PinnedLib[];
  /** The store build ships each library in the package: `runtime.getURL('webllm-libs/<file>')`. */
  libUrl?: (lib: PinnedLib) => string;
}

const usageOf = (usage: ChatCompletion['usage'] | undefined): Usage => ({
  promptTokens: usage?.prompt_tokens ?? 0,
  // WebLLM reuses its KV cache only for an exact multi-round continuation; every task Doppel sends
  // is a fresh conversation, so the whole prompt is prefilled.
  prefilledTokens: usage?.prompt_tokens ?? 0,
  completionTokens: usage?.completion_tokens ?? 0,
  decodeTokensPerSecond: usage?.extra?.decode_tokens_per_s ?? 0,
});

/**
 * Loads a model, applying each automatic fallback once: the q4f32 build when shader-f16 is missing,
 * a 1k context after the GPU runs out of memory. Failures without a fallback become a sentence.
 */
const createWithFallbacks = async (options: WebLlmOptions): Promise<{ engine: MlcEngine; modelId: string; notice?: string }> => {
  const { module, custom, downloadBytes = 0, onProgress } = options;
  const create = (modelId: string, chatOpts?: ChatOptions) =>
    module.CreateMLCEngine(
      modelId,
      {
        appConfig: webLlmAppConfig(module, modelId, custom, options.pins),
        initProgressCallback: (report) => onProgress?.(parseWebLlmProgress(report.text, downloadBytes)),
      },
      chatOpts,
    );
  let modelId = options.modelId;
  const notices: string[] = [];
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      const engine = await create(modelId, notices.some((n) => n.includes('smaller context')) ? { context_window_size: SMALL_CONTEXT } : undefined);
      return { engine, modelId, ...(notices.length ? { notice: notices.join(' ') } : {}) };
    } catch (error) {
      // Doppel's own refusals (an unpinned library) are final: no fallback loads other code.
      if (error instanceof DoppelError) throw error;
      const failure = classifyWebLlmError(error);
      if (failure === 'no-f16' && options.f32ModelId && modelId !== options.f32ModelId) {
        modelId = options.f32ModelId;
        notices.push(webLlmErrorSentence(failure, error));
        continue;
      }
      if (failure === 'corrupt-cache' && module.deleteModelAllInfoInCache && !notices.some((n) => n.includes('damaged'))) {
        await module.deleteModelAllInfoInCache(modelId, webLlmAppConfig(module, modelId, custom, options.pins)).catch(() => {});
        notices.push('The downloaded model files were damaged, so Doppel deleted them and downloaded the model again.');
        continue;
      }
      if ((failure === 'device-lost' || failure === 'out-of-memory') && !notices.some((n) => n.includes('smaller context'))) {
        notices.push(webLlmErrorSentence(failure, error));
        continue;
      }
      throw mapWebLlmError(error);
    }
  }
  throw new DoppelError('engine_load_failed', 'The GPU engine could not load this model. Choose a smaller model, or use the CPU engine.');
};

export const loadWebLlmEngine = async (options: WebLlmOptions): Promise<LlmEngine & { notice?: string }> => {
  const { engine, modelId, notice } = await createWithFallbacks(options);

  const generate = async (request: GenerateRequest, onToken: (piece: string) => void, signal: AbortSignal): Promise<GenerateResult> => {
    const stop = () => engine.interruptGenerate();
    signal.addEventListener('abort', stop, { once: true });
    let text = '';
    let finish: GenerateResult['finishReason'] = 'stop';
    let last: ChatCompletionChunk | undefined;
    try {
      const stream = await engine.chat.completions.create({
        messages: request.messages,
        stream: true,
        stream_options: { include_usage: true },
        max_tokens: request.maxTokens,
        temperature: request.temperature,
        ...(request.stop?.length ? { stop: request.stop } : {}),
        ...(request.repeatPenalty && request.repeatPenalty !== 1 ? { repetition_penalty: request.repeatPenalty } : {}),
        ...(request.seed !== undefined ? { seed: request.seed } : {}),
        ...(request.jsonSchema ? { response_format: { type: 'json_object' as const, schema: JSON.stringify(request.jsonSchema) } } : {}),
      });
      for await (const chunk of stream) {
        last = chunk;
        const piece = chunk.choices[0]?.delta.content;
        if (chunk.choices[0]?.finish_reason === 'length') finish = 'length';
        if (piece) {
          text += piece;
          onToken(piece);
        }
      }
    } catch (error) {
      if (!signal.aborted) throw error instanceof DoppelError ? error : mapWebLlmError(error);
    } finally {
      signal.removeEventListener('abort', stop);
    }
    if (signal.aborted) finish = 'aborted';
    return { text, finishReason: finish, usage: usageOf(last?.usage ?? undefined) };
  };

  /**
   * WebLLM applies the grammar mask before it computes log-probs, so forcing each option would give
   * every forced token probability 1. Instead the reply is constrained to the options and one step is
   * taken: the top-5 log-probs of that step are the model's distribution over the options' first
   * tokens (see firstTokenProbabilities). Use options that differ in their first token.
   */
  const scoreOptions = async (request: ScoreRequest, signal: AbortSignal): Promise<ScoreResult> => {
    if (request.options.length === 0) throw new DoppelError('bad_request', 'There is nothing to score: give at least one option.');
    const stop = () => engine.interruptGenerate();
    signal.addEventListener('abort', stop, { once: true });
    try {
      const reply = await engine.chat.completions.create({
        messages: request.messages,
        stream: false,
        max_tokens: 1,
        temperature: 1,
        logprobs: true,
        top_logprobs: 5,
        response_format: { type: 'grammar', grammar: optionsGrammar(request.options) },
      });
      if (signal.aborted) throw new DoppelError('aborted', 'Stopped.');
      const top = reply.choices[0]?.logprobs?.content?.[0]?.top_logprobs ?? [];
      return { probabilities: firstTokenProbabilities(request.options, top), method: 'logprobs', usage: usageOf(reply.usage) };
    } catch (error) {
      throw error instanceof DoppelError ? error : mapWebLlmError(error);
    } finally {
      signal.removeEventListener('abort', stop);
    }
  };

  return {
    kind: 'webllm',
    modelId,
    ...(notice ? { notice } : {}),
    generate,
    scoreOptions,
    unload: () => engine.unload(),
  };
};
