import { ibanValid, luhnValid } from './checksums';

export type PiiKind = 'email' | 'phone' | 'card' | 'iban' | 'national-id' | 'secret';

interface Rule {
  kind: PiiKind;
  pattern: RegExp;
  /** Returns false to leave a candidate as it is (a failed checksum, a date, a version number). */
  accept?: (match: string) => boolean;
  /** Capture group 1, when present, is a label ("api_key=", "SSN:") kept in front of the placeholder. */
}

const digitsOf = (s: string) => s.replace(/\D/g, '');

const SECRET_PATTERNS = [
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g,
  /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, // JWT
  /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g, // AWS access key id
  /\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{40,})\b/g,
  /\bxox[abposr]-[A-Za-z0-9-]{10,}/g, // Slack
  /\b(?:sk|pk|rk)_(?:live|test)_[A-Za-z0-9]{16,}\b/g, // Stripe
  /\bsk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,}/g, // OpenAI / Anthropic style
  /\bAIza[0-9A-Za-z_-]{35}\b/g, // Google API key
  /\bglpat-[A-Za-z0-9_-]{20,}\b/g, // GitLab
  /\bnpm_[A-Za-z0-9]{36}\b/g,
];

const RULES: Rule[] = [
  ...SECRET_PATTERNS.map((pattern): Rule => ({ kind: 'secret', pattern })),
  {
    // "password: hunter2", "api_key=…", "Authorization: Bearer …": the label stays, the value goes.
    kind: 'secret',
    pattern: /(\b(?:api[_-]?key|access[_-]?token|auth[_-]?token|secret[_-]?key|client[_-]?secret|token|secret|password|passwd|pwd)\b["']?\s*(?:[:=]|\bis\b)\s*["']?|\bbearer\s+)([^\s"'<>,;]{6,})/gi,
    accept: (m) => /\d|[^A-Za-z0-9\s]/.test(m.split(/[:=\s]/).pop() ?? ''),
  },
  {
    // Long mixed letter-digit runs with no spaces: random tokens, not prose.
    kind: 'secret',
    pattern: /\b(?=[A-Za-z0-9_\-+/]*\d)(?=[A-Za-z0-9_\-+/]*[A-Za-z])[A-Za-z0-9_\-+/]{32,}={0,2}/g,
    accept: (m) => !/^\d+$/.test(m) && new Set(m).size >= 12,
  },
  { kind: 'email', pattern: /[A-Za-z0-9._%+-]+(?:@|\s?\(at\)\s?|\s\[at\]\s)[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g },
  { kind: 'iban', pattern: /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b/g, accept: ibanValid },
  {
    kind: 'card',
    pattern: /\b\d(?:[ -]?\d){12,18}\b/g,
    accept: (m) => {
      const d = digitsOf(m);
      return d.length >= 13 && d.length <= 19 && luhnValid(d) && !/^(\d)\1+$/.test(d);
    },
  },
  {
    kind: 'national-id',
    // Labelled identifiers: "SSN: …", "passport no. …", "national ID 12 34 56 …".
    pattern:
      /(\b(?:ssn|social security(?: number| no\.?)?|passport(?: number| no\.?)?|national (?:id|insurance)(?: number| no\.?)?|id (?:number|no\.?)|tax id|personnummer|bsn|aadhaar|nin|steuer-?id|dni|nie|cpf)(?:\s+(?:is|was))?\s*[:#]?\s*)([A-Z0-9](?:[ .-]?[A-Z0-9]){5,16})/gi,
    accept: (m) => /\d{2}/.test(m),
  },
  { kind: 'national-id', pattern: /\b(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}\b/g }, // US SSN
  { kind: 'national-id', pattern: /\b[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b/g }, // UK NI number
  {
    kind: 'phone',
    pattern: /(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,5}\)[\s.-]?)?\b\d{1,5}(?:[\s.-]\d{1,8}){1,5}\b|\+\d{8,15}\b|\b0\d{9,10}\b/g,
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
 * Replaces personal data with typed placeholders ([email], [phone], [card], [iban], [national-id],
 * [secret]) before anything is stored. Checksums (Luhn, mod-97) keep ordinary numbers intact.
 * Idempotent: placeholders never match a rule.
 */
export const scrubPii = (text: string): string => {
  let out = text;
  for (const rule of RULES) {
    out = out.replace(rule.pattern, (match: string, label?: unknown) => {
      const prefix = typeof label === 'string' ? label : '';
      if (rule.accept && !rule.accept(match.slice(prefix.length))) return match;
      return `${prefix}[${rule.kind}]`;
    });
  }
  return out;
};
