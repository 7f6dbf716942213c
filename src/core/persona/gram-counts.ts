/**
 * Counts of short character n-grams with every gram an integer id. The grams are the nodes of a
 * trie over UTF-16 code units whose edges sit in one open-addressing hash table, so counting a text
 * costs an integer hash per character and order, and a string is cut only when a gram is first
 * seen. The persona adds each writing to models of tens of thousands of grams, and a Map keyed by
 * fresh slices spent milliseconds per writing hashing and comparing strings.
 */
export interface GramCounts {
  /** Id → gram. Ids are handed out in order and never reused, so a prefix of this list never changes. */
  keys: string[];
  /** Id → count; slots past `keys.length` are spare. */
  counts: Int32Array;
  /** Grams whose count is not zero. */
  distinct: number;
  /** The trie's edges by hash slot: the parent's id + 1 (the root is −1), the code unit, the child's id + 1 (0: empty slot). */
  edgeParent: Int32Array;
  edgeCode: Uint16Array;
  edgeChild: Int32Array;
}

const INITIAL = 1024;

export const emptyGramCounts = (): GramCounts => ({
  keys: [], counts: new Int32Array(INITIAL), distinct: 0,
  edgeParent: new Int32Array(2 * INITIAL), edgeCode: new Uint16Array(2 * INITIAL), edgeChild: new Int32Array(2 * INITIAL),
});

const slotOf = (parent: number, code: number, mask: number): number => (Math.imul(parent + 1, 0x9e3779b1) ^ Math.imul(code + 1, 0x85ebca6b)) >>> 0 & mask;

const insertEdge = (g: GramCounts, parent: number, code: number, child: number): void => {
  const mask = g.edgeChild.length - 1;
  let slot = slotOf(parent, code, mask);
  while (g.edgeChild[slot] !== 0) slot = (slot + 1) & mask;
  g.edgeParent[slot] = parent + 1;
  g.edgeCode[slot] = code;
  g.edgeChild[slot] = child + 1;
};

/** Doubles the edge table and the counts when the table would pass half full. */
const grow = (g: GramCounts): void => {
  const { edgeParent, edgeCode, edgeChild } = g;
  const size = edgeChild.length * 2;
  g.edgeParent = new Int32Array(size);
  g.edgeCode = new Uint16Array(size);
  g.edgeChild = new Int32Array(size);
  for (let slot = 0; slot < edgeChild.length; slot++) if (edgeChild[slot] !== 0) insertEdge(g, edgeParent[slot]! - 1, edgeCode[slot]!, edgeChild[slot]! - 1);
  const counts = new Int32Array(size / 2);
  counts.set(g.counts);
  g.counts = counts;
};

/** The id of `parent`'s gram followed by `code`, made if new. */
const childOf = (g: GramCounts, parent: number, code: number, text: string, end: number, order: number): number => {
  const mask = g.edgeChild.length - 1;
  let slot = slotOf(parent, code, mask);
  for (;;) {
    const child = g.edgeChild[slot]!;
    if (child === 0) break;
    if (g.edgeParent[slot] === parent + 1 && g.edgeCode[slot] === code) return child - 1;
    slot = (slot + 1) & mask;
  }
  const id = g.keys.length;
  g.keys.push(text.slice(end - order, end));
  if (2 * (id + 1) > g.edgeChild.length) {
    grow(g);
    insertEdge(g, parent, code, id);
  } else {
    g.edgeParent[slot] = parent + 1;
    g.edgeCode[slot] = code;
    g.edgeChild[slot] = id + 1;
  }
  return id;
};

/**
 * Adds (sign 1) or removes (sign −1) every `from`…`to`-gram of `text`. `floor`: counts stop at 0
 * (a removal of a gram that is not there does nothing), as the char model always did; without it
 * counts are signed, as the 3-gram shares always were. Returns the number of `to`-grams.
 */
export const addGrams = (g: GramCounts, text: string, from: number, to: number, sign: 1 | -1, floor: boolean): number => {
  let full = 0;
  for (let i = 0; i < text.length; i++) {
    let node = -1;
    for (let n = 1; n <= to && i + n <= text.length; n++) {
      node = childOf(g, node, text.charCodeAt(i + n - 1), text, i + n, n);
      if (n < from) continue;
      if (n === to) full++;
      const was = g.counts[node]!;
      const next = floor && was + sign < 0 ? 0 : was + sign;
      g.counts[node] = next;
      if (was === 0 && next !== 0) g.distinct++;
      else if (was !== 0 && next === 0) g.distinct--;
    }
  }
  return full;
};

/**
 * The counts as they are now, kept apart from later changes: a copy of the counts (a memory copy,
 * microseconds) over the shared key list, which only ever grows at the end.
 */
export interface GramSnapshot {
  keys: readonly string[];
  counts: Int32Array;
}

export const snapshotOf = (g: GramCounts): GramSnapshot => ({ keys: g.keys, counts: g.counts.slice(0, g.keys.length) });

/** Every gram with a count that is not zero, in id order. */
export function* gramEntries(s: GramSnapshot): Generator<[string, number]> {
  for (let id = 0; id < s.counts.length; id++) if (s.counts[id] !== 0) yield [s.keys[id]!, s.counts[id]!];
}

/**
 * The `limit` largest counts (ties to the smaller key), as the first `limit` of a sort by count then
 * key would keep, found without sorting them all: the model holds tens of thousands of grams. Key
 * order is not part of the result.
 */
export const topCounts = (s: GramSnapshot, limit: number): Record<string, number> => {
  const out: Record<string, number> = {};
  const { keys, counts } = s;
  let present = 0;
  for (let id = 0; id < counts.length; id++) if (counts[id]! > 0) present++;
  if (present <= limit) {
    for (let id = 0; id < counts.length; id++) if (counts[id]! > 0) out[keys[id]!] = counts[id]!;
    return out;
  }
  const atCount = new Map<number, number>();
  for (let id = 0; id < counts.length; id++) if (counts[id]! > 0) atCount.set(counts[id]!, (atCount.get(counts[id]!) ?? 0) + 1);
  // The smallest count still kept: every count above it is kept, and some of the ties at it.
  let kept = 0;
  let cut = 0;
  for (const n of [...atCount.keys()].sort((a, b) => b - a)) {
    kept += atCount.get(n)!;
    cut = n;
    if (kept >= limit) break;
  }
  const ties: string[] = [];
  let taken = 0;
  for (let id = 0; id < counts.length; id++) {
    const n = counts[id]!;
    if (n > cut) {
      out[keys[id]!] = n;
      taken++;
    } else if (n === cut) ties.push(keys[id]!);
  }
  for (const key of ties.sort().slice(0, limit - taken)) out[key] = cut;
  return out;
};

/** The `limit` largest entries as shares of `total`, sorted by count then key so output is stable. */
export const topShares = (s: GramSnapshot, total: number, limit: number): Record<string, number> => {
  const sorted = [...gramEntries(s)].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, limit);
  return Object.fromEntries(sorted.map(([key, count]) => [key, total > 0 ? count / total : 0]));
};
