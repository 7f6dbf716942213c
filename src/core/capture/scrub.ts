import { ibanValid, luhnValid } from './checksums';
import { scanText, type Edit, type ScanText } from './scrub-candidates';
import { anchored, digitStarts, emailStarts, followsLetter, githubStarts, lettersBeforeDigits, occurrences, tokenRunStarts } from './scrub-finders';

export type PiiKind = 'email' | 'phone' | 'card' | 'iban' | 'national-id' | 'secret';

interface Rule {
  kind: PiiKind;
  pattern: RegExp;
  /** Returns false to leave a candidate as it is (a failed checksum, a date, a version number). */
  accept?: (match: string) => boolean;
  /**
   * How much of the candidate is the value, for text where words run together ("…X98765432.token"):
   * the rest is left as it was. 0 rejects the candidate.
   */
  fit?: (candidate: string) => number;
  /** Capture group 1, when present, is a label ("api_key=", "SSN:") kept in front of the placeholder. */
  /** Where a match can start: a superset, sorted (see scrub-candidates.ts). */
  starts: (scan: ScanText) => number[];
}

const digitsOf = (s: string) => s.replace(/\D/g, '');

const literal = (...needles: string[]) => (scan: ScanText) => occurrences(scan.text, needles);

const SECRET_PATTERNS: [RegExp, Rule['starts']][] = [
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g, literal('-----BEGIN ')],
  [/\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, (scan) => anchored(scan.text, 'J', ['eyJ'])], // JWT
  [/(?<![A-Z0-9])(?:AKIA|ASIA)[0-9A-Z]{16}/g, literal('AKIA', 'ASIA')], // AWS access key id
  [/(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{40,})/g, (scan) => githubStarts(scan.text)],
  [/\bxox[abposr]-[A-Za-z0-9-]{10,}/g, literal('xox')], // Slack
  [/(?:sk|pk|rk)_(?:live|test)_[A-Za-z0-9]{16,}/g, (scan) => anchored(scan.text, '_', ['sk_live_', 'pk_live_', 'rk_live_', 'sk_test_', 'pk_test_', 'rk_test_'])], // Stripe
  [/\bsk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,}/g, (scan) => anchored(scan.text, '-', ['sk-'])], // OpenAI / Anthropic style
  [/\bAIza[0-9A-Za-z_-]{35}\b/g, literal('AIza')], // Google API key
  [/\bglpat-[A-Za-z0-9_-]{20,}\b/g, (scan) => anchored(scan.text, '-', ['glpat-'])], // GitLab
  [/\bnpm_[A-Za-z0-9]{36}\b/g, (scan) => anchored(scan.text, '_', ['npm_'])],
];

/**
 * The words that labelled secrets and identifiers contain, in one case-insensitive pattern (one
 * scan of the text serves both rules; a scan per word costs more than the rest of the scrub).
 */
const LABEL_WORDS = /s(?:sn|ocial security|ecret|teuer)|p(?:ass(?:w|port)|wd|ersonnummer)|n(?:ational |i[ne])|t(?:oken|ax id)|id n|b(?:sn|earer)|aadhaar|dni|cpf|key/gi;

/**
 * Label starts from the label words. A word may sit inside a longer label ("token" in
 * "access_token"): the offsets say where, back from it, such a label starts. A label starts a
 * word; only "[secret]" may follow a letter.
 */
const labels = (offsets: Record<string, number[]>) => (scan: ScanText) => {
  const text = scan.text;
  const out: number[] = [];
  for (const [at, word] of scan.hits(LABEL_WORDS)) {
    for (const offset of offsets[word] ?? []) {
      const start = at + offset;
      if (start >= 0 && (text[start] === '[' || !followsLetter(text, start))) out.push(start);
    }
  }
  return out.sort((a, b) => a - b);
};

const RULES: Rule[] = [
  ...SECRET_PATTERNS.map(([pattern, starts]): Rule => ({ kind: 'secret', pattern, starts })),
  {
    // Long mixed letter-digit runs with no spaces: random tokens, not prose. Matched as whole runs
    // (no lookahead per position), so a megabyte-long word costs one linear pass.
    kind: 'secret',
    pattern: /\b[A-Za-z0-9_\-+/]{32,}(?:={1,2}(?![A-Za-z0-9]))?/g,
    starts: (scan) => tokenRunStarts(scan, 32),
    accept: (m) => m.length <= 1024 && /\d/.test(m) && /[A-Za-z]/.test(m) && new Set(m).size >= 12,
  },
  {
    // "password: hunter2", "api_key=…", "Authorization: Bearer …": the label stays, the value goes.
    kind: 'secret',
    // api_key, access_token, auth_token, secret_key, client_secret, token, secret, password, passwd, pwd, bearer, [secret].
    starts: labels({ key: [-4, -3], token: [-7, -6, -5, -4, 0], secret: [-7, -6, -1, 0], passw: [0], pwd: [0], bearer: [0] }),
    pattern: /((?:\[secret\]|(?<![A-Za-z])(?:api[_-]?key|access[_-]?token|auth[_-]?token|secret[_-]?key|client[_-]?secret|token|secret|password|passwd|pwd)\b)["']?\s*(?:[:=]|\bis\b)\s*["']?|\bbearer\s+)([^\s"'<>,;]{6,})/gi,
    accept: (m) => /\d|[^A-Za-z0-9\s]/.test(m.split(/[:=\s]/).pop() ?? ''),
  },
  // Bounded repeats keep this linear on hostile input (a megabyte of letters with no "@").
  { kind: 'email', starts: (scan) => emailStarts(scan.text, 64), pattern: /[A-Za-z0-9._%+-]{1,64}(?:@|\s?\(at\)\s?|\s\[at\]\s)[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}/g },
  {
    kind: 'iban',
    pattern: /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?/g,
    starts: (scan) => lettersBeforeDigits(scan, false),
    // The longest prefix that passes mod-97, since a following word may have run into the number.
    fit: (m) => {
      for (let end = m.length; end >= 15; end--) if (/[A-Z0-9]$/.test(m.slice(0, end)) && ibanValid(m.slice(0, end))) return end;
      return 0;
    },
  },
  {
    kind: 'card',
    pattern: /(?<!\d)\d(?:[ -]?\d){12,18}(?!\d)/g,
    starts: (scan) => digitStarts(scan),
    accept: (m) => {
      const d = digitsOf(m);
      return d.length >= 13 && d.length <= 19 && luhnValid(d) && !/^(\d)\1+$/.test(d);
    },
  },
  {
    kind: 'national-id',
    starts: labels(Object.fromEntries(['ssn', 'social security', 'passport', 'national ', 'id n', 'tax id', 'personnummer', 'bsn', 'aadhaar', 'nin', 'steuer', 'dni', 'nie', 'cpf'].map((label) => [label, [0]]))),
    // Labelled identifiers: "SSN: …", "passport no. …", "national ID 12 34 56 …".
    pattern:
      /((?<![A-Za-z])(?:ssn|social security(?: number| no\.?)?|passport(?: number| no\.?)?|national (?:id|insurance)(?: number| no\.?)?|id (?:number|no\.?)|tax id|personnummer|bsn|aadhaar|nin|steuer-?id|dni|nie|cpf)(?:\s+(?:is|was))?\s*[:#]?\s*)([A-Z0-9](?:[ .-]?[A-Z0-9]){5,16})/gi,
    accept: (m) => /\d{2}/.test(m),
    // Identifiers are upper case and digits; a lower-case letter is the next word running in.
    fit: (m) => {
      const lower = m.search(/[a-z]/);
      return (lower < 0 ? m : m.slice(0, lower)).replace(/[ .-]+$/, '').length;
    },
  },
  { kind: 'national-id', pattern: /(?<!\d)(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}(?!\d)/g, starts: (scan) => digitStarts(scan) }, // US SSN
  { kind: 'national-id', pattern: /(?<![A-Za-z])[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D](?![A-Za-z0-9])/g, starts: (scan) => lettersBeforeDigits(scan, true) }, // UK NI number
  {
    kind: 'phone',
    pattern: /(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,5}\)[\s.-]?)?(?<![\d.])\d{1,5}(?:[\s.-]\d{1,8}){1,5}(?![\d])|\+\d{8,15}(?!\d)|(?<!\d)0\d{9,10}(?!\d)/g,
    starts: (scan) => digitStarts(scan, '+('),
    accept: (m) => {
      const d = digitsOf(m);
      if (d.length < 9 || d.length > 15) return false;
      if (/^\d{4}[-./]\d{1,2}[-./]\d{1,2}$|^\d{1,2}[-./]\d{1,2}[-./]\d{2,4}$/.test(m)) return false; // dates
      if (/^\d{1,3}(?:[ ,.]\d{3})+$/.test(m) && !/^0/.test(m)) return false; // 1 000 000, 12.345.678
      if (/^\d+\.\d+\.\d+/.test(m) && !/^\d{3}\.\d{3}\.\d{4}$/.test(m)) return false; // version numbers
      return /^\+|^\(|^0/.test(m) || /^\d{3}[\s.-]\d{3}[\s.-]\d{4}$/.test(m) || /^\d{2,4}[\s.-]\d{3,4}[\s.-]\d{3,4}$/.test(m);
    },
  },
];

const replacement = (rule: Rule, match: string, label: unknown): string => {
  const prefix = typeof label === 'string' ? label : '';
  const candidate = match.slice(prefix.length);
  if (rule.accept && !rule.accept(candidate)) return match;
  const length = rule.fit ? rule.fit(candidate) : candidate.length;
  if (length <= 0) return match;
  return `${prefix}[${rule.kind}]${candidate.slice(length)}`;
};

const sticky = new Map<Rule, RegExp>(RULES.map((rule) => [rule, new RegExp(rule.pattern.source, rule.pattern.flags.replace('g', '') + 'y')]));

/**
 * One rule over the text: its pattern is tried only where a match can start, in order, resuming
 * after each match as a global replace does, so the result is the same as `text.replace` with it.
 */
const applyRule = (rule: Rule, scan: ScanText): { text: string; edits: Edit[] } => {
  const text = scan.text;
  const edits: Edit[] = [];
  const re = sticky.get(rule)!;
  let out = '';
  let copied = 0;
  let from = 0;
  let tried = -1;
  for (const start of rule.starts(scan)) {
    const at = Math.max(start, from);
    if (at <= tried || at >= text.length) continue;
    tried = at;
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m) continue;
    const end = at + m[0].length;
    const next = replacement(rule, m[0], m[1]);
    if (next !== m[0]) {
      out += text.slice(copied, at) + next;
      copied = end;
      edits.push([at, end, next.length]);
    }
    from = end > at ? end : at + 1;
  }
  return { text: edits.length ? out + text.slice(copied) : text, edits };
};

/**
 * Replaces personal data with typed placeholders ([email], [phone], [card], [iban], [national-id],
 * [secret]) before anything is stored. Checksums (Luhn, mod-97) keep ordinary numbers intact.
 * Idempotent: placeholders never match a rule.
 */
export const scrubPii = (text: string): string => {
  let scan = scanText(text);
  for (const rule of RULES) {
    const { text: out, edits } = applyRule(rule, scan);
    // What was found in the text before carries over to the edited text (see scanText).
    if (edits.length) scan = scanText(out, { edits, known: scan.known });
  }
  return scan.text;
};
