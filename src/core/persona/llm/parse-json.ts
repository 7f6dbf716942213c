/**
 * Small models wrap JSON in prose or code fences, leave trailing commas, or stop mid-object. This
 * finds the first complete JSON object or array in the text and parses it; anything else is
 * `undefined`, and the caller drops the artefact.
 */
export const parseModelJson = (text: string): unknown => {
  const attempt = (candidate: string): unknown => {
    try {
      return JSON.parse(candidate);
    } catch {
      try {
        return JSON.parse(candidate.replace(/,\s*([}\]])/g, '$1'));
      } catch {
        return undefined;
      }
    }
  };
  const direct = attempt(text.trim());
  if (direct !== undefined) return direct;
  for (let start = text.search(/[{[]/); start >= 0 && start < text.length; ) {
    const end = balancedEnd(text, start);
    if (end > start) {
      const parsed = attempt(text.slice(start, end + 1));
      if (parsed !== undefined) return parsed;
    }
    const next = text.slice(start + 1).search(/[{[]/);
    start = next < 0 ? -1 : start + 1 + next;
  }
  return undefined;
};

/** Index of the bracket closing the one at `start`, skipping strings; −1 when it never closes. */
const balancedEnd = (text: string, start: number): number => {
  const stack: string[] = [];
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i]!;
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') stack.push(ch === '{' ? '}' : ']');
    else if (ch === '}' || ch === ']') {
      if (stack.pop() !== ch) return -1;
      if (stack.length === 0) return i;
    }
  }
  return -1;
};

export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export const str = (value: unknown, max = 2000): string | undefined => (typeof value === 'string' && value.trim() ? value.trim().slice(0, max) : undefined);
