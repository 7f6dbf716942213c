/** The one seam between Doppel and any language model runtime (WebLLM, wllama, built-in). */
export type EngineKind = 'webllm' | 'wllama';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface GenerateRequest {
  messages: ChatMessage[];
  maxTokens: number;
  temperature: number;
  /** A JSON schema the output must satisfy (grammar-constrained where the engine can). */
  jsonSchema?: object;
}

export interface Usage {
  promptTokens: number;
  /** Prompt tokens actually computed, after any prefix the engine reused. */
  prefilledTokens: number;
  completionTokens: number;
  decodeTokensPerSecond: number;
}

export interface GenerateResult {
  text: string;
  finishReason: 'stop' | 'length' | 'aborted';
  usage: Usage;
}

export interface LoadProgress {
  loadedBytes: number;
  totalBytes: number;
  text: string;
}

export interface LlmEngine {
  readonly kind: EngineKind;
  readonly modelId: string;
  generate(
    request: GenerateRequest,
    onToken: (piece: string) => void,
    signal: AbortSignal,
  ): Promise<GenerateResult>;
  unload(): Promise<void>;
}
