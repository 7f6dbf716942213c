/**
 * A documented, deliberately pessimistic token estimate, used where the model's tokenizer is not at
 * hand (prompts are built in the service worker, the model lives in the offscreen document).
 *
 * BPE tokenizers of the models Doppel runs (Qwen2.5, Llama 3, Phi-3) average about 4 characters per
 * token on English prose. We count one token per 3 ASCII characters (rounded up, per word) and one
 * token per non-ASCII character (CJK, emoji, accents split into several byte tokens), so the estimate
 * is an upper bound for ordinary text: a prompt within budget by this count is within budget for the model.
 */
export const estimateTokens = (text: string): number => {
  let tokens = 0;
  for (const word of text.split(/\s+/)) {
    if (!word) continue;
    let ascii = 0;
    for (const char of word) {
      if (char.charCodeAt(0) < 128) ascii++;
      else tokens++;
    }
    tokens += Math.ceil(ascii / 3);
  }
  return tokens;
};

/** Persona + evidence must fit in this many tokens (science.md §G, issue 6). */
export const CONTEXT_BUDGET = 2000;

/**
 * A model file this small (SmolLM2-135M is 94 MB; stories260K 1 MB) gets a short context: measured on
 * SmolLM2-135M in Doppel's CPU engine, prefill costs about as much per token as decoding, so a
 * 2000-token persona prompt delays the first token by minutes, and the model loses the task line
 * behind that much data. 600 tokens keeps the persona, the most similar records and the instructions.
 */
export const SMALL_MODEL_BYTES = 300 * 2 ** 20;
export const SMALL_CONTEXT_BUDGET = 600;

export const isSmallModel = (modelBytes: number | undefined): boolean => modelBytes !== undefined && modelBytes < SMALL_MODEL_BYTES;

export const contextBudgetFor = (modelBytes: number | undefined): number => (isSmallModel(modelBytes) ? SMALL_CONTEXT_BUDGET : CONTEXT_BUDGET);

/**
 * Takes blocks in order (most important first) while they fit `budget`; a block that does not fit
 * whole is cut to what remains, and everything after it is dropped.
 */
export const packBlocks = (blocks: string[], budget: number): string[] => {
  const out: string[] = [];
  let left = budget;
  for (const block of blocks) {
    const cost = estimateTokens(block);
    if (cost <= left) {
      out.push(block);
      left -= cost;
      continue;
    }
    const words = block.split(/(\s+)/);
    let cut = '';
    for (const piece of words) {
      if (estimateTokens(`${cut}${piece}…`) > left) break;
      cut += piece;
    }
    if (cut.trim()) out.push(`${cut.trimEnd()}…`);
    break;
  }
  return out;
};
