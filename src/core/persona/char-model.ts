/**
 * A character n-gram language model of the user's writing (Witten–Bell interpolation down to a
 * uniform distribution). The style match scores a text by how probable the model finds it, per
 * character: the same text scored against different personas gives numbers on one scale, so
 * "highest score wins" compares like with like (a cosine against each card's own top n-grams
 * does not). Case and punctuation are kept: they are habits.
 */
export const CHAR_ORDER = 4;
/** How many n-gram counts a card keeps (the most frequent): bounds the persona document's size. */
export const CHAR_MODEL_SIZE = 30_000;
/** Characters the uniform floor spreads over. */
const ALPHABET = 256;

export const normalizeForModel = (text: string): string => ` ${text.replace(/\s+/g, ' ').trim()} `;

/** Adds every 1…CHAR_ORDER-gram of `text` to `counts` (sign −1 removes). */
export const addCharGrams = (counts: Map<string, number>, text: string, sign: 1 | -1 = 1): void => {
  const clean = normalizeForModel(text);
  for (let i = 0; i < clean.length; i++) {
    for (let n = 1; n <= CHAR_ORDER && i + n <= clean.length; n++) {
      const gram = clean.slice(i, i + n);
      const next = (counts.get(gram) ?? 0) + sign;
      if (next <= 0) counts.delete(gram);
      else counts.set(gram, next);
    }
  }
};

interface Tables {
  grams: Map<string, number>;
  /** Per context: total continuations and distinct continuations. */
  contexts: Map<string, { total: number; types: number }>;
}

const cache = new WeakMap<object, Tables>();

const tables = (model: Record<string, number>): Tables => {
  const hit = cache.get(model);
  if (hit) return hit;
  const grams = new Map(Object.entries(model));
  const contexts = new Map<string, { total: number; types: number }>();
  for (const [gram, count] of grams) {
    const ctx = gram.slice(0, -1);
    const entry = contexts.get(ctx) ?? { total: 0, types: 0 };
    entry.total += count;
    entry.types += 1;
    contexts.set(ctx, entry);
  }
  const built = { grams, contexts };
  cache.set(model, built);
  return built;
};

/** Mean log2-probability per character of `text` under the model (≤ 0; higher is more alike). */
export const meanLogProb = (model: Record<string, number>, text: string): number => {
  const { grams, contexts } = tables(model);
  const clean = normalizeForModel(text);
  let sum = 0;
  let n = 0;
  for (let i = 1; i < clean.length; i++) {
    let p = 1 / ALPHABET;
    for (let k = 0; k < CHAR_ORDER && i - k >= 0; k++) {
      const ctx = clean.slice(i - k, i);
      const stats = contexts.get(ctx);
      if (!stats) break;
      const count = grams.get(ctx + clean[i]) ?? 0;
      p = (count + stats.types * p) / (stats.total + stats.types);
    }
    sum += Math.log2(p);
    n++;
  }
  return n ? sum / n : -Math.log2(ALPHABET);
};
