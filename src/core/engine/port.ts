/** The one seam between Doppel and any language model runtime (WebLLM, wllama). */
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
  /** Texts that end the output where they first appear; they are not part of it. */
  stop?: string[];
  /** Penalises tokens seen in the last 64 (1 = off): small models loop without it. */
  repeatPenalty?: number;
  /** Fixes the sampler's randomness, so the same prompt gives the same text. */
  seed?: number;
}

export interface Usage {
  promptTokens: number;
  /** Prompt tokens actually computed, after any prefix the engine reused. */
  prefilledTokens: number;
  completionTokens: number;
  decodeTokensPerSecond: number;
  /** Prompt tokens computed per second, where the engine reports it (llama.cpp's timings). */
  prefillTokensPerSecond?: number;
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
  /** From the model's own token log-probs: every engine Doppel runs exposes them (docs/engine.md). */
  method: 'logprobs';
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
