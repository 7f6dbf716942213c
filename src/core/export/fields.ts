import * as v from 'valibot';

/**
 * Field schemas shared by the export's record schemas. Each carries the phrase a problem sentence
 * uses ("must be text"), so every malformed field reads the same way wherever it appears.
 */
export const MUST = {
  text: 'must be text',
  number: 'must be a number',
  date: 'must be a date: epoch milliseconds, or an ISO 8601 string such as "2024-05-01T12:00:00Z"',
  boolean: 'must be true or false',
  id: 'must be a non-empty text id',
  list: 'must be a list',
  object: 'must be an object',
} as const;

/** ISO 8601 date or date-time; a date-time without an offset is read as UTC so every machine agrees. */
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export const isoToEpoch = (text: string): number => {
  const m = ISO.exec(text.trim());
  if (!m) return Number.NaN;
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone = 'Z'] = m;
  const ms = frac ? `.${frac.slice(0, 3).padEnd(3, '0')}` : '';
  const offset = zone === 'Z' ? 'Z' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const at = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}${ms}${offset}`);
  // Date.parse rolls 2024-02-31 over to March; refuse dates that do not exist.
  return Number.isFinite(at) && (zone !== 'Z' || new Date(at).getUTCDate() === Number(d)) ? at : Number.NaN;
};

const MAX_DATE = 8.64e15;

/** Epoch ms, or an ISO 8601 string converted to epoch ms (docs/export-format.md). */
export const date = v.pipe(
  v.union([v.number(), v.string()], MUST.date),
  v.transform((x) => (typeof x === 'number' ? x : isoToEpoch(x))),
  v.check((x) => Number.isFinite(x) && Math.abs(x) <= MAX_DATE, MUST.date),
);

export const text = v.string(MUST.text);
export const id = v.pipe(v.string(MUST.id), v.minLength(1, MUST.id));
export const finite = v.pipe(v.number(MUST.number), v.finite(MUST.number));
export const flag = v.boolean(MUST.boolean);

/** Text cut to `max` characters: the capture caps hold for imported records too. */
export const capped = (max: number) => v.pipe(text, v.transform((s: string) => (s.length > max ? s.slice(0, max) : s)));
