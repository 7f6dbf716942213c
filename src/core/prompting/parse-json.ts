/** Why model output could not be read as the structure a task asked for. */
export type ParseErrorCode = 'empty' | 'no_json' | 'truncated' | 'invalid_json' | 'wrong_shape';

export interface ParseError {
  code: ParseErrorCode;
  /** A sentence for the user. */
  message: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: ParseError };

const failure = (code: ParseErrorCode, message: string): Parsed<never> => ({ ok: false, error: { code, message } });

/** Finds the end of the JSON object starting at `start`, honouring strings and escapes; -1 if it never closes. */
const objectEnd = (text: string, start: number): number => {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
};

/**
 * Reads the first JSON object in model output, tolerating prose around it and Markdown code fences.
 * Never throws: every failure is a typed error.
 */
export const extractJsonObject = (output: string): Parsed<Record<string, unknown>> => {
  const text = output.replace(/```(?:json|JSON)?/g, '').trim();
  if (!text) return failure('empty', 'The model returned nothing. Try again.');
  const start = text.indexOf('{');
  if (start < 0) return failure('no_json', 'The model answered in prose instead of the structure Doppel asked for. Try again, or use a larger model.');
  const end = objectEnd(text, start);
  if (end < 0) return failure('truncated', 'The model’s answer was cut off before it was complete. Try again.');
  let value: unknown;
  try {
    value = JSON.parse(text.slice(start, end + 1));
  } catch {
    return failure('invalid_json', 'The model’s answer was not valid JSON. Try again, or use a larger model.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return failure('wrong_shape', 'The model’s answer was not a JSON object.');
  return { ok: true, value: value as Record<string, unknown> };
};

/** A required string field, trimmed; a typed error names the missing key. */
export const stringField = (object: Record<string, unknown>, key: string): Parsed<string> => {
  const value = object[key];
  if (typeof value !== 'string') return failure('wrong_shape', `The model’s answer had no “${key}” text. Try again.`);
  return { ok: true, value: value.trim() };
};

/** Cited ids, kept only if they name a record the prompt actually contained (the model cannot invent evidence). */
export const citedIds = (object: Record<string, unknown>, key: string, allowed: ReadonlySet<string>): string[] => {
  const value = object[key];
  if (!Array.isArray(value)) return [];
  return [...new Set(value.filter((id): id is string => typeof id === 'string').map((id) => id.replace(/^\[|\]$/g, '').trim()))].filter((id) => allowed.has(id));
};
