import type { GenerateRequest, GenerateResult, LlmEngine, ScoreRequest, ScoreResult, Usage } from '../../core/engine/port';
import { DoppelError } from '../../core/result';

/** The part of Chrome's built-in Prompt API (`LanguageModel`) Doppel uses; injected so tests can supply it. */
export interface LanguageModelSession {
  promptStreaming(input: string, options?: { signal?: AbortSignal; responseConstraint?: object }): ReadableStream<string> | AsyncIterable<string>;
  prompt(input: string, options?: { signal?: AbortSignal; responseConstraint?: object }): Promise<string>;
  measureContextUsage?(input: string): Promise<number>;
  destroy(): void;
}

export interface LanguageModelApi {
  availability(): Promise<'unavailable' | 'downloadable' | 'downloading' | 'available'>;
  create(options: { initialPrompts?: { role: 'system' | 'user' | 'assistant'; content: string }[]; temperature?: number; topK?: number; signal?: AbortSignal }): Promise<LanguageModelSession>;
}

/** How many constrained answers a score is estimated from: the Prompt API has no log-probs. */
export const BUILTIN_SCORE_SAMPLES = 8;

const NO_USAGE: Usage = { promptTokens: 0, prefilledTokens: 0, completionTokens: 0, decodeTokensPerSecond: 0 };

const split = (messages: GenerateRequest['messages']) => {
  const last = messages.at(-1);
  if (!last || last.role !== 'user') throw new DoppelError('bad_request', 'The conversation must end with the user\u2019s turn.');
  return { history: messages.slice(0, -1), input: last.content };
};

/**
 * Chrome's built-in model behind the same port. It streams and follows JSON schemas
 * (`responseConstraint`), but exposes no log-probs, so option scores are the frequencies of
 * enum-constrained answers over several samples (method 'constrained-sampling').
 */
export const loadBuiltinEngine = async (api: LanguageModelApi | undefined): Promise<LlmEngine> => {
  if (!api || (await api.availability()) !== 'available') {
    throw new DoppelError('engine_unavailable', 'Chrome\u2019s built-in model is not available on this device. Doppel uses its own engines instead.');
  }
  const session = async (request: { messages: GenerateRequest['messages']; temperature: number }, signal: AbortSignal) => {
    const { history, input } = split(request.messages);
    const created = await api.create({ initialPrompts: history, temperature: request.temperature, topK: 40, signal });
    return { created, input };
  };

  const generate = async (request: GenerateRequest, onToken: (piece: string) => void, signal: AbortSignal): Promise<GenerateResult> => {
    const { created, input } = await session(request, signal);
    const started = performance.now();
    let text = '';
    let pieces = 0;
    try {
      const stream = created.promptStreaming(input, { signal, ...(request.jsonSchema ? { responseConstraint: request.jsonSchema } : {}) });
      for await (const piece of stream as AsyncIterable<string>) {
        text += piece;
        pieces++;
        onToken(piece);
        if (pieces >= request.maxTokens) break;
      }
    } catch (error) {
      if (!signal.aborted) throw new DoppelError('generation_failed', `Chrome\u2019s built-in model stopped (${(error as Error).message}). Try again.`);
    } finally {
      created.destroy();
    }
    const seconds = (performance.now() - started) / 1000;
    const promptTokens = (await created.measureContextUsage?.(input).catch(() => 0)) ?? 0;
    return {
      text,
      finishReason: signal.aborted ? 'aborted' : pieces >= request.maxTokens ? 'length' : 'stop',
      usage: { promptTokens, prefilledTokens: promptTokens, completionTokens: pieces, decodeTokensPerSecond: seconds > 0 ? pieces / seconds : 0 },
    };
  };

  const scoreOptions = async (request: ScoreRequest, signal: AbortSignal): Promise<ScoreResult> => {
    if (request.options.length === 0) throw new DoppelError('bad_request', 'There is nothing to score: give at least one option.');
    const counts = request.options.map(() => 0);
    const constraint = { type: 'object', properties: { answer: { type: 'string', enum: request.options } }, required: ['answer'] };
    for (let i = 0; i < BUILTIN_SCORE_SAMPLES; i++) {
      const { created, input } = await session({ messages: request.messages, temperature: 1 }, signal);
      try {
        const { answer } = JSON.parse(await created.prompt(input, { signal, responseConstraint: constraint })) as { answer: string };
        const index = request.options.indexOf(answer);
        if (index >= 0) counts[index]!++;
      } finally {
        created.destroy();
      }
    }
    const total = counts.reduce((a, b) => a + b, 0);
    return {
      probabilities: total ? counts.map((c) => c / total) : request.options.map(() => 1 / request.options.length),
      method: 'constrained-sampling',
      usage: NO_USAGE,
    };
  };

  return { kind: 'builtin', modelId: 'chrome-built-in', generate, scoreOptions, unload: async () => {} };
};
