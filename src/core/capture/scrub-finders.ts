import type { ScanText } from './scrub-candidates';

/**
 * Finders: for one scrub rule, a superset of the positions its matches can start at, sorted.
 * Single-character `indexOf` and the shared digit scan are fast; a rule's own pattern run at every
 * position, or `indexOf` of a needle that starts with a common letter, is not.
 */
const sorted = (xs: number[]) => xs.sort((a, b) => a - b);

/** Every position of each needle in `haystack`. */
export const occurrences = (haystack: string, needles: readonly string[]): number[] => {
  const out: number[] = [];
  for (const needle of needles) {
    for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) out.push(at);
  }
  return needles.length > 1 ? sorted(out) : out;
};

/** Every position of each needle, found through `anchor`, a character of every needle that is rare in prose. */
export const anchored = (text: string, anchor: string, needles: readonly string[]): number[] => {
  const out: number[] = [];
  for (let at = text.indexOf(anchor); at >= 0; at = text.indexOf(anchor, at + 1)) {
    for (const needle of needles) {
      const start = at - needle.indexOf(anchor);
      if (start >= 0 && text.startsWith(needle, start)) out.push(start);
    }
  }
  return needles.length > 1 ? sorted(out) : out;
};

const code = (s: string, i: number) => (i >= 0 && i < s.length ? s.charCodeAt(i) : -1);
const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isDigit = (c: number) => c >= 48 && c <= 57;
const isWord = (c: number) => isLetter(c) || isDigit(c) || c === 95;
const isUpper = (c: number) => c >= 65 && c <= 90;

export const followsLetter = (text: string, at: number): boolean => isLetter(code(text, at - 1));

/** `gh[pousr]_…` and `github_pat_…`, found by their underscore. */
export const githubStarts = (text: string): number[] => {
  const out: number[] = [];
  for (let u = text.indexOf('_'); u >= 0; u = text.indexOf('_', u + 1)) {
    if (text.startsWith('gh', u - 3) && 'pousr'.includes(text[u - 1]!)) out.push(u - 3);
    if (text.startsWith('github_pat_', u - 6)) out.push(u - 6);
  }
  return sorted(out);
};

/** Digit-run starts, and the position just before one when it holds one of `before`. */
export const digitStarts = (scan: ScanText, before = ''): number[] => {
  const runs = scan.digitRuns();
  if (!before) return runs;
  const out: number[] = [];
  for (const d of runs) {
    if (d > 0 && before.includes(scan.text[d - 1]!)) out.push(d - 1);
    out.push(d);
  }
  return out;
};

/** `[A-Z]{2}` right before a digit run (IBAN), or with one space between (UK NI number). */
export const lettersBeforeDigits = (scan: ScanText, space: boolean): number[] => {
  const t = scan.text;
  const out: number[] = [];
  for (const d of scan.digitRuns()) {
    if (space && t[d - 1] === ' ' && isUpper(code(t, d - 3)) && isUpper(code(t, d - 2))) out.push(d - 3);
    if (isUpper(code(t, d - 2)) && isUpper(code(t, d - 1))) out.push(d - 2);
  }
  return out;
};

const isTokenChar = (c: number) => isWord(c) || c === 45 || c === 43 || c === 47; // - + /

/**
 * Long mixed letter-digit runs: a match is a whole run of token characters from its first word
 * boundary, and is kept only if it holds a digit, so only runs around a digit are looked at.
 */
export const tokenRunStarts = (scan: ScanText, minLength: number): number[] => {
  const t = scan.text;
  const out: number[] = [];
  let done = 0;
  for (const d of scan.digitRuns()) {
    if (d < done) continue;
    let start = d;
    while (start > 0 && isTokenChar(t.charCodeAt(start - 1))) start--;
    let end = d;
    while (end < t.length && isTokenChar(t.charCodeAt(end))) end++;
    done = end;
    if (end - start < minLength) continue;
    for (let p = start; p <= end - minLength; p++) {
      if (isWord(code(t, p - 1)) !== isWord(t.charCodeAt(p))) {
        out.push(p);
        break;
      }
    }
  }
  return out;
};

const isLocalPart = (c: number) => isWord(c) || c === 46 || c === 37 || c === 43 || c === 45; // . % + -
const isSpace = (s: string, i: number) => i >= 0 && i < s.length && /\s/.test(s[i]!);

/**
 * An e-mail address's local part (at most `maxLocal` characters) ends where its separator ("@",
 * "(at)", " [at] ") starts, so its start is found by walking back from each separator.
 */
export const emailStarts = (text: string, maxLocal: number): number[] => {
  const out: number[] = [];
  for (const at of occurrences(text, ['@', '(at)', '[at]'])) {
    let end = -1;
    if (text[at] !== '[' && isLocalPart(code(text, at - 1))) end = at;
    else if (isSpace(text, at - 1) && isLocalPart(code(text, at - 2))) end = at - 1;
    if (end < 0) continue;
    let start = end;
    while (start > 0 && end - start < maxLocal && isLocalPart(text.charCodeAt(start - 1))) start--;
    out.push(start);
  }
  return sorted(out);
};
