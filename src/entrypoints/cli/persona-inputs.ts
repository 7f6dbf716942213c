import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseRecord } from '../../core/export/parse-record';
import { parseExport } from '../../core/export/schema';
import { buildDeterministicPersona } from '../../core/persona/accumulator';
import { recordsOfExport } from '../../core/persona/from-export';
import type { PersonaDoc } from '../../core/persona/types';

export type Loaded<T> = { ok: true; value: T } | { ok: false; message: string };

const read = (file: string): Loaded<string> => {
  try {
    return { ok: true, value: readFileSync(file, 'utf8') };
  } catch {
    return { ok: false, message: `Cannot read ${file}. Check the path.` };
  }
};

/** The deterministic persona of one export file (the export's own time, so the same file gives the same persona). */
export const personaOfExport = (file: string, id = 'persona-cli'): Loaded<PersonaDoc> => {
  const json = read(file);
  if (!json.ok) return json;
  const parsed = parseExport(json.value);
  if (!parsed.ok) return { ok: false, message: `${file}: ${parsed.error.message}` };
  return { ok: true, value: buildDeterministicPersona(recordsOfExport(parsed.value), { id, version: 1, createdAt: parsed.value.exportedAt }) };
};

const isPersona = (x: unknown): x is PersonaDoc => typeof x === 'object' && x !== null && typeof (x as PersonaDoc).style === 'object' && (x as PersonaDoc).style !== null;

/**
 * Personas named for the report: a persona document, a JSON list or JSON lines of them, or an
 * export (its newest persona, else the one built from its records).
 */
export const loadPersonas = (file: string): Loaded<{ name: string; persona: PersonaDoc }[]> => {
  const json = read(file);
  if (!json.ok) return json;
  const name = basename(file).replace(/\.(jsonl?|txt)$/i, '');
  let data: unknown;
  try {
    data = JSON.parse(json.value);
  } catch {
    try {
      data = json.value.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
    } catch {
      return { ok: false, message: `${file} is not valid JSON. Make a persona with: npm run --silent persona -- build <export.json> > persona.json` };
    }
  }
  if (typeof data === 'object' && data !== null && (data as { format?: unknown }).format === 'doppel-export') {
    const parsed = parseExport(json.value);
    if (!parsed.ok) return { ok: false, message: `${file}: ${parsed.error.message}` };
    const stored = [...parsed.value.personas].sort((a, b) => a.createdAt - b.createdAt).at(-1);
    if (stored) return { ok: true, value: [{ name, persona: stored }] };
    const built = personaOfExport(file, name);
    return built.ok ? { ok: true, value: [{ name, persona: built.value }] } : built;
  }
  const list = Array.isArray(data) ? data : [data];
  if (list.length && list.every(isPersona)) {
    const out: { name: string; persona: PersonaDoc }[] = [];
    for (const [i, doc] of list.entries()) {
      const checked = parseRecord('personas', doc, i);
      if (!checked.ok) return { ok: false, message: `${file}: ${checked.problems.join('\n')}` };
      out.push({ name: list.length === 1 ? name : checked.value.id || `${name}#${i}`, persona: checked.value });
    }
    return { ok: true, value: out };
  }
  return { ok: false, message: `${file} has no persona. Make one with: npm run --silent persona -- build <export.json> > persona.json` };
};

/**
 * Texts to score: JSON lines (each a string or an object with "text" and an optional "id"), a
 * JSON list of the same, or else the whole file as one text.
 */
export const loadTexts = (file: string): Loaded<{ id: string; text: string }[]> => {
  const raw = read(file);
  if (!raw.ok) return raw;
  const item = (x: unknown, i: number): { id: string; text: string } | string => {
    if (typeof x === 'string') return { id: String(i), text: x };
    if (typeof x === 'object' && x !== null && typeof (x as { text?: unknown }).text === 'string') {
      const id = (x as { id?: unknown }).id;
      return { id: typeof id === 'string' || typeof id === 'number' ? String(id) : String(i), text: (x as { text: string }).text };
    }
    return `${file}, text ${i}: "text" must be text. Give each line as "a string" or {"id": …, "text": "…"}.`;
  };
  const collect = (list: unknown[]): Loaded<{ id: string; text: string }[]> => {
    const out = list.map(item);
    const bad = out.find((x) => typeof x === 'string');
    return bad ? { ok: false, message: bad as string } : { ok: true, value: out as { id: string; text: string }[] };
  };
  if (/\.jsonl$/i.test(file)) {
    const lines = raw.value.split('\n').filter((l) => l.trim());
    const parsed: unknown[] = [];
    for (const [i, line] of lines.entries()) {
      try {
        parsed.push(JSON.parse(line));
      } catch {
        return { ok: false, message: `${file}, line ${i + 1} is not valid JSON. Give each line as "a string" or {"id": …, "text": "…"}.` };
      }
    }
    return collect(parsed);
  }
  if (/\.json$/i.test(file)) {
    try {
      const data: unknown = JSON.parse(raw.value);
      return collect(Array.isArray(data) ? data : [data]);
    } catch {
      return { ok: false, message: `${file} is not valid JSON.` };
    }
  }
  return { ok: true, value: [{ id: basename(file), text: raw.value }] };
};
