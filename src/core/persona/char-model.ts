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

/** How many n-gram counts the masked model keeps (masked text has few distinct n-grams: ~3,000–5,000 per author). */
export const MASKED_MODEL_SIZE = 10_000;

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/**
 * The text with every word that is not a function word masked letter by letter (every letter,
 * capitals too, → *, digits → #), punctuation and spacing kept: "Yes, the Senate is" → "***, the
 * ****** is". A model of this text sees the
 * writer's syntax and punctuation habits, not the topic they wrote about: the text distortion of
 * Stamatatos (2013) for cross-topic attribution. Without it a long text goes to whoever wrote
 * about the same things.
 */
export const maskText = (text: string, keep: ReadonlySet<string>): string => {
  let seen = masks.get(keep);
  if (!seen || seen.size > MAX_MASKS) masks.set(keep, (seen = new Map()));
  return text.replace(WORD, (word) => {
    let masked = seen.get(word);
    if (masked === undefined) seen.set(word, (masked = maskWord(word, keep)));
    return masked;
  });
};

const maskWord = (word: string, keep: ReadonlySet<string>): string =>
  keep.has(word.toLowerCase().replace(/’/g, "'")) ? word : word.replace(/\p{L}/gu, '*').replace(/\p{N}/gu, '#');

/**
 * Each word's mask, per kept-word set: a writer reuses their words, and three Unicode replaces per
 * word were most of masking a text. Started over past MAX_MASKS words, so it stays small.
 */
const masks = new WeakMap<ReadonlySet<string>, Map<string, string>>();
const MAX_MASKS = 50_000;

export const normalizeForModel = (text: string): string => ` ${text.replace(/\s+/g, ' ').trim()} `;

/**
 * Every gram and context string seen by any model or text gets one integer id, so a model is
 * arrays indexed by id and a text, cut once into ids, is scored against each persona with array
 * reads only. The dictionary starts over when it grows past MAX_KEYS (a long-lived process scores
 * texts forever); models and texts from before are then rebuilt on their next use.
 */
const MAX_KEYS = 500_000;
let ids = new Map<string, number>();
let generation = 0;

const idOf = (key: string): number => {
  let id = ids.get(key);
  if (id === undefined) ids.set(key, (id = ids.size));
  return id;
};

/** The model as flat tables: every gram and context (a gram one character shorter) has one slot. */
interface Tables {
  generation: number;
  /** Dictionary id → slot (−1: not in the model; ids past the end are not either). */
  slotOf: Int32Array;
  /** As a gram: its count. */
  count: Float64Array;
  /** As a context: total continuations and distinct continuations. */
  total: Float64Array;
  types: Float64Array;
}

const cache = new WeakMap<object, Tables>();
const NO_MODEL: Record<string, number> = {};

const tables = (given: Record<string, number>): Tables => {
  const model = typeof given === 'object' && given !== null && !Array.isArray(given) ? given : NO_MODEL;
  const hit = cache.get(model);
  if (hit?.generation === generation) return hit;
  // A card read from a file may carry anything here: only positive finite counts are a model.
  const entries = Object.entries(model).filter((e): e is [string, number] => typeof e[1] === 'number' && Number.isFinite(e[1]) && e[1] > 0);
  const slots = new Map<number, number>();
  const slotFor = (key: string): number => {
    const id = idOf(key);
    let slot = slots.get(id);
    if (slot === undefined) slots.set(id, (slot = slots.size));
    return slot;
  };
  const gramSlots = entries.map(([gram]) => slotFor(gram));
  const contextSlots = entries.map(([gram]) => slotFor(gram.slice(0, -1)));
  const count = new Float64Array(slots.size);
  const total = new Float64Array(slots.size);
  const types = new Float64Array(slots.size);
  entries.forEach(([, n], j) => {
    count[gramSlots[j]!] = n;
    total[contextSlots[j]!]! += n;
    types[contextSlots[j]!]! += 1;
  });
  const slotOf = new Int32Array(ids.size).fill(-1);
  for (const [id, slot] of slots) slotOf[id] = slot;
  const built = { generation, slotOf, count, total, types };
  cache.set(model, built);
  return built;
};

/** Whether the model has any counts (a for-in over 30,000 keys per call would cost more than the scoring). */
export const isEmptyModel = (model: Record<string, number>): boolean => tables(model).count.length === 0;

/**
 * A text cut once into dictionary ids (per position: each context and each context + next
 * character, orders 0…CHAR_ORDER−1), so scoring it against many personas costs only array reads.
 */
export interface TextProbe {
  text: string;
  generation: number;
  /** Characters predicted (positions 1…length−1 of the normalised text). */
  chars: number;
  /** How many orders each position has (its context cannot reach before the start). */
  depth: Uint8Array;
  /** Per position × order: dictionary id of the context and of the gram. */
  contexts: Int32Array;
  grams: Int32Array;
}

export const probeText = (text: string): TextProbe => {
  if (ids.size > MAX_KEYS) {
    ids = new Map();
    generation++;
  }
  const clean = normalizeForModel(text);
  const chars = Math.max(0, clean.length - 1);
  const depth = new Uint8Array(chars);
  const contexts = new Int32Array(chars * CHAR_ORDER);
  const grams = new Int32Array(chars * CHAR_ORDER);
  const empty = idOf('');
  for (let i = 1; i < clean.length; i++) {
    const at = (i - 1) * CHAR_ORDER;
    let k = 0;
    for (; k < CHAR_ORDER && i - k >= 0; k++) {
      // The context of order k here is the previous position's gram of order k − 1: cut once.
      contexts[at + k] = k === 0 ? empty : i >= 2 ? grams[at - CHAR_ORDER + k - 1]! : idOf(clean.slice(i - k, i));
      grams[at + k] = idOf(clean.slice(i - k, i + 1));
    }
    depth[i - 1] = k;
  }
  return { text, generation, chars, depth, contexts, grams };
};

/** Sum of log2-probabilities of the probe's characters (Witten–Bell, lowest order first). */
export const sumLogProb = (model: Record<string, number>, text: TextProbe): number => {
  const probe = text.generation === generation ? text : probeText(text.text);
  const { slotOf, count, total, types } = tables(model);
  const known = slotOf.length;
  let sum = 0;
  for (let i = 0; i < probe.chars; i++) {
    const at = i * CHAR_ORDER;
    let p = 1 / ALPHABET;
    for (let k = 0; k < probe.depth[i]!; k++) {
      const ctxId = probe.contexts[at + k]!;
      const ctx = ctxId < known ? slotOf[ctxId]! : -1;
      if (ctx < 0 || types[ctx] === 0) break;
      const gramId = probe.grams[at + k]!;
      const gram = gramId < known ? slotOf[gramId]! : -1;
      const n = gram < 0 ? 0 : count[gram]!;
      p = (n + types[ctx]! * p) / (total[ctx]! + types[ctx]!);
    }
    sum += Math.log2(p);
  }
  return sum;
};

/** Mean log2-probability per character of `text` under the model (≤ 0; higher is more alike). */
export const meanLogProb = (model: Record<string, number>, text: string): number => {
  const probe = probeText(text);
  return probe.chars ? sumLogProb(model, probe) / probe.chars : -Math.log2(ALPHABET);
};
