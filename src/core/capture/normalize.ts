/** JavaScript's `\s`: white space and line terminators. */
const isWhite = (c: number): boolean =>
  c <= 32 ? c === 32 || (c >= 9 && c <= 13) : c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
/** The spaces a run of which becomes one space. */
const isBlank = (c: number): boolean => c === 32 || c === 9 || c === 11 || c === 12 || c === 0xa0;

/** A run of white space without a line break: each run of blanks in it becomes one space. */
const collapseBlanks = (run: string): string => {
  let out = '';
  for (let i = 0; i < run.length; i++) {
    if (!isBlank(run.charCodeAt(i))) out += run[i];
    else if (i === 0 || !isBlank(run.charCodeAt(i - 1))) out += ' ';
  }
  return out;
};

/**
 * Runs of spaces become one space and blank lines one line break: text as read, not as laid out.
 * One pass over the text (the two global replaces it matches did two, and the second retried at
 * every space): a run of white space holding a line break becomes one "\n", any other run has its
 * blanks collapsed; most runs are one plain space and are left in place.
 */
export const normalizeText = (text: string): string => {
  let out = '';
  let copied = 0;
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    if (!isWhite(c)) {
      i++;
      continue;
    }
    let end = i + 1;
    let lineBreak = c === 10;
    for (let d: number; end < text.length && isWhite((d = text.charCodeAt(end))); end++) if (d === 10) lineBreak = true;
    if (end === i + 1 && (c === 32 || c === 10)) {
      i = end;
      continue;
    }
    const run = text.slice(i, end);
    const replaced = lineBreak ? '\n' : collapseBlanks(run);
    if (replaced !== run) {
      out += text.slice(copied, i) + replaced;
      copied = end;
    }
    i = end;
  }
  return (copied ? out + text.slice(copied) : text).trim();
};
