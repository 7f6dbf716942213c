/** One generated token and its log-probability under the model (before any grammar or sampler). */
export interface TokenLogProb {
  token: string;
  logprob: number;
}

type Choice = {
  text?: string;
  message?: { content?: string | null };
  logprobs?:
    | { content?: TokenLogProb[] | null; tokens?: string[]; token_logprobs?: number[] }
    | null;
};

/**
 * wllama answers in llama-server's OpenAI shapes: chat completions list `logprobs.content`, raw
 * completions list `tokens` + `token_logprobs` (or `content` in newer servers). Both become one list.
 */
export const tokenLogProbs = (response: { choices?: Choice[] }): TokenLogProb[] => {
  const logprobs = response.choices?.[0]?.logprobs;
  if (!logprobs) return [];
  if (logprobs.content?.length) return logprobs.content.map(({ token, logprob }) => ({ token, logprob }));
  const tokens = logprobs.tokens ?? [];
  return (logprobs.token_logprobs ?? []).map((logprob, i) => ({ token: tokens[i] ?? '', logprob }));
};

/**
 * The log-likelihood of `option` from a generation forced (by grammar) to produce it: the sum over
 * the tokens that spell it, stopping once the option is covered, so the end-of-text token that
 * follows does not count against long options.
 */
export const optionLogLikelihood = (option: string, tokens: readonly TokenLogProb[]): number => {
  let text = '';
  let total = 0;
  for (const { token, logprob } of tokens) {
    if (text.length >= option.length) break;
    text += token;
    total += logprob;
  }
  return tokens.length === 0 ? -Infinity : total;
};
