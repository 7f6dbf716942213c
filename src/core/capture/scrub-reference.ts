import { ibanValid, luhnValid } from './checksums';

type PiiKind = 'email' | 'phone' | 'card' | 'iban' | 'national-id' | 'secret';

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
  /**
   * Something every match contains, tested first: a rule whose hint is absent cannot match, and
   * skipping it saves a slow pattern (the email pattern backtracks at every position) on most text.
   */
  hint?: RegExp;
}

const digitsOf = (s: string) => s.replace(/\D/g, '');

const SECRET_PATTERNS = [
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g,
  /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, // JWT
  /(?<![A-Z0-9])(?:AKIA|ASIA)[0-9A-Z]{16}/g, // AWS access key id
  /(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{40,})/g,
  /\bxox[abposr]-[A-Za-z0-9-]{10,}/g, // Slack
  /(?:sk|pk|rk)_(?:live|test)_[A-Za-z0-9]{16,}/g, // Stripe
  /\bsk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,}/g, // OpenAI / Anthropic style
  /\bAIza[0-9A-Za-z_-]{35}\b/g, // Google API key
  /\bglpat-[A-Za-z0-9_-]{20,}\b/g, // GitLab
  /\bnpm_[A-Za-z0-9]{36}\b/g,
];

const RULES: Rule[] = [
  ...SECRET_PATTERNS.map((pattern, i): Rule => ({ kind: 'secret', pattern, ...(i < 2 ? { hint: i === 0 ? /PRIVATE KEY/ : /eyJ/ } : {}) })),
  {
    // Long mixed letter-digit runs with no spaces: random tokens, not prose. Matched as whole runs
    // (no lookahead per position), so a megabyte-long word costs one linear pass.
    kind: 'secret',
    pattern: /\b[A-Za-z0-9_\-+/]{32,}(?:={1,2}(?![A-Za-z0-9]))?/g,
    accept: (m) => m.length <= 1024 && /\d/.test(m) && /[A-Za-z]/.test(m) && new Set(m).size >= 12,
  },
  {
    // "password: hunter2", "api_key=…", "Authorization: Bearer …": the label stays, the value goes.
    kind: 'secret',
    hint: /\[secret\]|api[_-]?key|access[_-]?token|auth[_-]?token|token|secret|passw|pwd|bearer/i,
    pattern: /((?:\[secret\]|(?<![A-Za-z])(?:api[_-]?key|access[_-]?token|auth[_-]?token|secret[_-]?key|client[_-]?secret|token|secret|password|passwd|pwd)\b)["']?\s*(?:[:=]|\bis\b)\s*["']?|\bbearer\s+)([^\s"'<>,;]{6,})/gi,
    accept: (m) => /\d|[^A-Za-z0-9\s]/.test(m.split(/[:=\s]/).pop() ?? ''),
  },
  // Bounded repeats keep this linear on hostile input (a megabyte of letters with no "@").
  { kind: 'email', hint: /@|\(at\)|\[at\]/, pattern: /[A-Za-z0-9._%+-]{1,64}(?:@|\s?\(at\)\s?|\s\[at\]\s)[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}/g },
  {
    kind: 'iban',
    pattern: /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?/g,
    // The longest prefix that passes mod-97, since a following word may have run into the number.
    fit: (m) => {
      for (let end = m.length; end >= 15; end--) if (/[A-Z0-9]$/.test(m.slice(0, end)) && ibanValid(m.slice(0, end))) return end;
      return 0;
    },
  },
  {
    kind: 'card',
    pattern: /(?<!\d)\d(?:[ -]?\d){12,18}(?!\d)/g,
    accept: (m) => {
      const d = digitsOf(m);
      return d.length >= 13 && d.length <= 19 && luhnValid(d) && !/^(\d)\1+$/.test(d);
    },
  },
  {
    kind: 'national-id',
    hint: /(?:^|[^A-Za-z])(?:ssn|social security|passport|national |id (?:number|no)|tax id|personnummer|bsn|aadhaar|nin|steuer|dni|nie|cpf)/i,
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
  { kind: 'national-id', pattern: /(?<!\d)(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}(?!\d)/g }, // US SSN
  { kind: 'national-id', pattern: /(?<![A-Za-z])[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D](?![A-Za-z0-9])/g }, // UK NI number
  {
    kind: 'phone',
    pattern: /(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,5}\)[\s.-]?)?(?<![\d.])\d{1,5}(?:[\s.-]\d{1,8}){1,5}(?![\d])|\+\d{8,15}(?!\d)|(?<!\d)0\d{9,10}(?!\d)/g,
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

/**
 * Test-only: the scrub as it was before it looked for candidates first (one `replace` per rule over
 * the whole text). scrub.equivalence.test.ts checks that scrubPii gives exactly this output.
 */
export const scrubPiiReference = (text: string): string => {
  let out = text;
  for (const rule of RULES) {
    if (rule.hint && !rule.hint.test(out)) continue;
    out = out.replace(rule.pattern, (match: string, label?: unknown) => {
      const prefix = typeof label === 'string' ? label : '';
      const candidate = match.slice(prefix.length);
      if (rule.accept && !rule.accept(candidate)) return match;
      const length = rule.fit ? rule.fit(candidate) : candidate.length;
      if (length <= 0) return match;
      return `${prefix}[${rule.kind}]${candidate.slice(length)}`;
    });
  }
  return out;
};
