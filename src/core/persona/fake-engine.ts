import type { GenerateRequest, LlmEngine, ScoreRequest, Usage } from '../engine/port';

const usage: Usage = { promptTokens: 0, prefilledTokens: 0, completionTokens: 0, decodeTokensPerSecond: 0 };

/** A scripted engine for unit tests: answers come from functions of the request. */
export const scriptedEngine = (script: {
  generate?: (request: GenerateRequest) => string;
  score?: (request: ScoreRequest) => number[];
}): LlmEngine & { calls: { generate: GenerateRequest[]; score: ScoreRequest[] } } => {
  const calls = { generate: [] as GenerateRequest[], score: [] as ScoreRequest[] };
  return {
    kind: 'wllama',
    modelId: 'scripted',
    calls,
    generate: async (request, onToken, signal) => {
      signal.throwIfAborted();
      calls.generate.push(request);
      const text = script.generate?.(request) ?? '';
      onToken(text);
      return { text, finishReason: 'stop', usage };
    },
    scoreOptions: async (request, signal) => {
      signal.throwIfAborted();
      calls.score.push(request);
      const raw = script.score?.(request) ?? request.options.map(() => 1);
      const total = raw.reduce((s, p) => s + p, 0);
      return { probabilities: raw.map((p) => p / total), method: 'logprobs', usage };
    },
    unload: async () => {},
  };
};
