import type { AppConfig, ChatCompletionChunk, InitProgressReport, MLCEngineInterface } from '@mlc-ai/web-llm';
import type { GenerateRequest, GenerateResult, LlmEngine, LoadProgress } from '../../core/engine/port';
import { DoppelError } from '../../core/result';
import { mapWebLlmError } from './webllm-errors';

/** The part of the @mlc-ai/web-llm module Doppel uses, injected so tests can supply their own. */
export interface WebLlmModule {
  CreateMLCEngine(
    modelId: string,
    config: { appConfig: AppConfig; initProgressCallback: (report: InitProgressReport) => void },
  ): Promise<Pick<MLCEngineInterface, 'chat' | 'interruptGenerate' | 'unload'>>;
  prebuiltAppConfig: AppConfig;
}

export interface WebLlmOptions {
  module: WebLlmModule;
  modelId: string;
  onProgress?: (progress: LoadProgress) => void;
}

/** The Cache API backend is WebLLM's default and best tested; `useIndexedDBCache` no longer exists. */
export const webLlmAppConfig = (module: WebLlmModule): AppConfig => ({
  ...module.prebuiltAppConfig,
  cacheBackend: 'cache',
});

export const loadWebLlmEngine = async ({ module, modelId, onProgress }: WebLlmOptions): Promise<LlmEngine> => {
  let engine: Awaited<ReturnType<WebLlmModule['CreateMLCEngine']>>;
  try {
    engine = await module.CreateMLCEngine(modelId, {
      appConfig: webLlmAppConfig(module),
      initProgressCallback: (report) => onProgress?.({ loadedBytes: 0, totalBytes: 0, text: report.text }),
    });
  } catch (error) {
    throw mapWebLlmError(error);
  }

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
    const usage = last?.usage;
    return {
      text,
      finishReason: finish,
      usage: {
        promptTokens: usage?.prompt_tokens ?? 0,
        prefilledTokens: usage?.prompt_tokens ?? 0,
        completionTokens: usage?.completion_tokens ?? 0,
        decodeTokensPerSecond: usage?.extra?.decode_tokens_per_s ?? 0,
      },
    };
  };

  return {
    kind: 'webllm',
    modelId,
    generate,
    // Option scoring from token log-probs is built in the engine issue (#4).
    scoreOptions: () => Promise.reject(new DoppelError('engine_unavailable', 'This engine cannot score options yet.')),
    unload: () => engine.unload(),
  };
};
