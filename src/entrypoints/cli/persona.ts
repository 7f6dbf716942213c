import { readFileSync } from 'node:fs';
import { parseExport } from '../../core/export/schema';
import { buildDeterministicPersona } from '../../core/persona/accumulator';
import { recordsOfExport } from '../../core/persona/from-export';
import { styleMatch } from '../../core/persona/style-match';
import type { PersonaDoc } from '../../core/persona/types';

const USAGE = `Usage:
  npm run --silent persona -- build <export.json>              prints the deterministic persona as JSON
  npm run --silent persona -- match <persona.json> <text-file>  prints how much the text sounds like the persona (0–1)`;

/** Runs one command; returns what to print and the exit code, so it is testable without a process. */
export const runPersonaCli = (args: string[]): { out: string; code: number } => {
  const [command, first, second] = args;
  if (command === 'build' && first) {
    const parsed = parseExport(readFileSync(first, 'utf8'));
    if (!parsed.ok) return { out: parsed.error.message, code: 1 };
    // The export's own time, so the same file always gives the same persona.
    const doc = buildDeterministicPersona(recordsOfExport(parsed.value), { id: 'persona-cli', version: 1, createdAt: parsed.value.exportedAt });
    return { out: JSON.stringify(doc, null, 2), code: 0 };
  }
  if (command === 'match' && first && second) {
    let json: PersonaDoc | { personas?: PersonaDoc[] };
    try {
      json = JSON.parse(readFileSync(first, 'utf8'));
    } catch {
      return { out: `${first} is not valid JSON. Make a persona with: npm run --silent persona -- build <export.json> > persona.json`, code: 1 };
    }
    // Accepts a persona document or a whole export (its newest persona).
    const persona = 'style' in json ? json : json.personas?.at(-1);
    if (!persona?.style) return { out: 'That file has no persona. Make one with: npm run --silent persona -- build <export.json> > persona.json', code: 1 };
    return { out: styleMatch(persona.style, readFileSync(second, 'utf8')).score.toFixed(3), code: 0 };
  }
  return { out: USAGE, code: 2 };
};
