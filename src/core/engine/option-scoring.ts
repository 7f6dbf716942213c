/**
 * How option scores become probabilities. Both engines score a small answer set; these helpers are
 * the engine-independent part: normalising log-likelihoods and constraining output to the options.
 */

/** Softmax over per-option log-likelihoods (log-sum-exp, so long options do not underflow). */
export const normaliseLogProbs = (logProbs: readonly number[]): number[] => {
  if (logProbs.length === 0) return [];
  const finite = logProbs.filter(Number.isFinite);
  if (finite.length === 0) return logProbs.map(() => 1 / logProbs.length);
  const max = Math.max(...finite);
  const weights = logProbs.map((lp) => (Number.isFinite(lp) ? Math.exp(lp - max) : 0));
  const total = weights.reduce((sum, w) => sum + w, 0);
  return weights.map((w) => w / total);
};

const gbnfString = (text: string): string =>
  `"${[...text].map((c) => (c === '"' || c === '\\' ? `\\${c}` : c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : c)).join('')}"`;

/** A GBNF grammar (llama.cpp; XGrammar reads the same EBNF) whose only sentences are the options. */
export const optionsGrammar = (options: readonly string[]): string => `root ::= ${options.map(gbnfString).join(' | ')}`;

export interface TopLogProb {
  token: string;
  logprob: number;
}

/**
 * First-token scoring, for engines whose log-probs are taken after the grammar mask (WebLLM): with
 * output constrained to the options, the first step's distribution is spread over the options' first
 * tokens only. Each option gets the mass of the longest returned token that starts it; options that
 * share a first token share its mass equally; options the top-k list missed share what is left.
 */
export const firstTokenProbabilities = (options: readonly string[], top: readonly TopLogProb[]): number[] => {
  const claimed = options.map((option) => {
    const matches = top.filter((t) => t.token.length > 0 && option.startsWith(t.token));
    return matches.sort((a, b) => b.token.length - a.token.length)[0];
  });
  const sharers = new Map<string, number>();
  for (const match of claimed) if (match) sharers.set(match.token, (sharers.get(match.token) ?? 0) + 1);
  const mass = claimed.map((match) => (match ? Math.exp(match.logprob) / sharers.get(match.token)! : 0));
  const used = new Set(claimed.filter(Boolean).map((m) => m!.token));
  const usedMass = [...used].reduce((sum, token) => sum + Math.exp(top.find((t) => t.token === token)!.logprob), 0);
  const missing = claimed.filter((m) => !m).length;
  const leftover = Math.max(0, 1 - usedMass);
  const filled = mass.map((m, i) => (claimed[i] ? m : missing ? leftover / missing : 0));
  const total = filled.reduce((sum, p) => sum + p, 0);
  return total > 0 ? filled.map((p) => p / total) : options.map(() => 1 / options.length);
};
