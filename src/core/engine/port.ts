/** The one seam between Doppel and any language model runtime (WebLLM, wllama, built-in). */
export type EngineKind = 'webllm' | 'wllama' | 'builtin';

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

export interface ScoreRequest {
  messages: ChatMessage[];
  /** Candidate answers, each scored as the whole of the assistant's reply. */
  options: string[];
}

export interface ScoreResult {
  /** One probability per option, summing to 1. */
  probabilities: number[];
  /** Token log-probs where the engine exposes them; constrained sampling where it does not. */
  method: 'logprobs' | 'constrained-sampling';
  usage: Usage;
}

export interface LlmEngine {
  readonly kind: EngineKind;
  readonly modelId: string;
  generate(
    request: GenerateRequest,
    onToken: (piece: string) => void,
    signal: AbortSignal,
  ): Promise<GenerateResult>;
  scoreOptions(request: ScoreRequest, signal: AbortSignal): Promise<ScoreResult>;
  unload(): Promise<void>;
}
