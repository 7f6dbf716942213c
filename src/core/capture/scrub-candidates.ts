/**
 * The text a scrub rule runs over, with what the rules' finders (scrub-finders.ts) share: the
 * digit runs and the label words, each found once and carried over a rule's edits rather than
 * found again. Finders return a superset of where matches can start: a rule's own pattern, tried
 * sticky at each, finds exactly what a global scan would, as every other position cannot match.
 */
export interface ScanText {
  text: string;
  /** Start of every run of ASCII digits. */
  digitRuns(): number[];
  /** Every occurrence of `pattern` (a global regex, no lookbehind), overlapping ones too, as [position, matched text lower-cased]. */
  hits(pattern: RegExp): [number, string][];
}

/** One replacement: the old text's [start, end) became `length` characters. */
export type Edit = [start: number, end: number, length: number];

/** Around an edit, finds are looked for again: more than any label word, any lookbehind. */
const NEAR_EDIT = 32;
/** Longer than any label word, so a word that starts near an edit is seen whole. */
const LONGEST_WORD = 32;

const digitRunsIn = (text: string, from = 0, to = text.length) => {
  const runs: number[] = [];
  // `test` with a lookbehind, not `exec`: the start is lastIndex − 1 and no match array is made.
  const re = /(?<!\d)\d/g;
  const part = from === 0 && to === text.length ? text : text.slice(from, to);
  while (re.test(part)) {
    const at = re.lastIndex - 1;
    // A run cut by the start of the slice did not start there.
    if (at === 0 && from > 0 && /\d/.test(text[from - 1]!)) continue;
    runs.push(from + at);
  }
  return runs;
};

const hitsIn = (text: string, pattern: RegExp, from = 0, to = text.length) => {
  const found: [number, string][] = [];
  const part = from === 0 && to === text.length ? text : text.slice(from, Math.min(text.length, to + LONGEST_WORD));
  pattern.lastIndex = 0;
  for (let m = pattern.exec(part); m && from + m.index < to; m = pattern.exec(part)) {
    found.push([from + m.index, m[0].toLowerCase()]);
    pattern.lastIndex = m.index + 1;
  }
  return found;
};

/**
 * Carries what was found in the text before `edits` over to the text after them: finds shift
 * with the edits, and around each edit they are looked for again (`rescan`), so the result is
 * what a scan of the whole new text would find, at the cost of a few short scans.
 */
const carry = <T>(items: readonly T[], at: (item: T) => number, moved: (item: T, to: number) => T, rescan: (from: number, to: number) => T[], edits: readonly Edit[], length: number): T[] => {
  const out: T[] = [];
  let i = 0;
  let delta = 0;
  for (let e = 0; e < edits.length; e++) {
    const [start, end, replaced] = edits[e]!;
    for (; i < items.length && at(items[i]!) < start; i++) out.push(moved(items[i]!, at(items[i]!) + delta));
    for (; i < items.length && at(items[i]!) < end; i++);
    const newStart = start + delta;
    delta += replaced - (end - start);
    const from = Math.max(0, newStart - NEAR_EDIT);
    const to = Math.min(length, newStart + replaced + NEAR_EDIT);
    while (out.length && at(out[out.length - 1]!) >= from) out.pop();
    out.push(...rescan(from, to));
    const nextStart = edits[e + 1]?.[0] ?? Infinity;
    for (; i < items.length && at(items[i]!) < nextStart && at(items[i]!) + delta < to; i++);
  }
  for (; i < items.length; i++) out.push(moved(items[i]!, at(items[i]!) + delta));
  return out;
};

/** What a scan has found, or can carry over from the text it was made from; undefined if neither. */
interface Known {
  runs(): number[] | undefined;
  hits(pattern: RegExp): [number, string][] | undefined;
}

/** The text to scan; `before` is the text it was made from by `edits`, whose finds are carried over when asked for. */
export const scanText = (text: string, before?: { edits: readonly Edit[]; known: Known }): ScanText & { known: Known } => {
  let runs: number[] | undefined;
  const hits = new Map<RegExp, [number, string][]>();
  const known: Known = {
    runs: () => {
      const prior = runs ? undefined : before?.known.runs();
      if (prior) runs = carry(prior, (x) => x, (_, to) => to, (from, to) => digitRunsIn(text, from, to), before!.edits, text.length);
      return runs;
    },
    hits: (pattern) => {
      const prior = hits.has(pattern) ? undefined : before?.known.hits(pattern);
      if (prior) hits.set(pattern, carry(prior, (x) => x[0], (x, to): [number, string] => [to, x[1]], (from, to) => hitsIn(text, pattern, from, to), before!.edits, text.length));
      return hits.get(pattern);
    },
  };
  return {
    text,
    known,
    digitRuns: () => known.runs() ?? (runs = digitRunsIn(text)),
    hits: (pattern) => {
      const found = known.hits(pattern) ?? hitsIn(text, pattern);
      hits.set(pattern, found);
      return found;
    },
  };
};
