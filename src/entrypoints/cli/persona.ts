import { basename } from 'node:path';
import { styleScore } from '../../core/persona/style-match';
import type { PersonaDoc } from '../../core/persona/types';
import { loadPersonas, loadTexts, personaOfExport } from './persona-inputs';

const USAGE = `Usage:
  npm run --silent persona -- build <export.json>                  prints the deterministic persona as JSON
  npm run --silent persona -- build <a.json> <b.json> …            one persona per export, as JSON lines
  npm run --silent persona -- match <persona.json> <text-file>      prints how much the text sounds like the persona (0–1)
  npm run --silent persona -- match [--json] <persona…> -- <texts…> scores every text against every persona
    persona: a persona JSON (or a list / JSON lines of them), or an export; texts: .jsonl (strings or {"id","text"}), .json, or plain text`;

/** Runs one command; returns what to print and the exit code, so it is testable without a process. */
export const runPersonaCli = (args: string[]): { out: string; code: number } => {
  const [command, ...rest] = args;
  if (command === 'build' && rest.length) {
    const docs: PersonaDoc[] = [];
    for (const file of rest) {
      const built = personaOfExport(file, rest.length === 1 ? 'persona-cli' : `persona-${basename(file).replace(/\.json$/i, '')}`);
      if (!built.ok) return { out: built.message, code: 1 };
      docs.push(built.value);
    }
    return { out: docs.length === 1 ? JSON.stringify(docs[0], null, 2) : docs.map((d) => JSON.stringify(d)).join('\n'), code: 0 };
  }
  if (command === 'match') {
    const json = rest.includes('--json');
    const files = rest.filter((a) => a !== '--json');
    const split = files.indexOf('--');
    const personaFiles = split >= 0 ? files.slice(0, split) : files.slice(0, 1);
    const textFiles = split >= 0 ? files.slice(split + 1) : files.slice(1);
    if (!personaFiles.length || !textFiles.length) return { out: USAGE, code: 2 };
    const personas: { name: string; persona: PersonaDoc }[] = [];
    for (const file of personaFiles) {
      const loaded = loadPersonas(file);
      if (!loaded.ok) return { out: loaded.message, code: 1 };
      personas.push(...loaded.value);
    }
    const texts: { id: string; text: string }[] = [];
    for (const file of textFiles) {
      const loaded = loadTexts(file);
      if (!loaded.ok) return { out: loaded.message, code: 1 };
      texts.push(...loaded.value);
    }
    // Scores are full precision and on one scale for every persona: highest wins (docs/attribution.md).
    const rows = texts.map(({ id, text }) => {
      const scores = Object.fromEntries(personas.map(({ name, persona }) => [name, styleScore(persona.style, text)]));
      const best = personas.reduce((b, { name }) => (scores[name]! > scores[b]! ? name : b), personas[0]!.name);
      return { id, best, scores };
    });
    if (json) return { out: rows.map((r) => JSON.stringify(r)).join('\n'), code: 0 };
    if (personas.length === 1 && texts.length === 1 && split < 0) return { out: String(rows[0]!.scores[personas[0]!.name]), code: 0 };
    const header = ['text', 'best', ...personas.map((p) => p.name)].join('\t');
    return { out: [header, ...rows.map((r) => [r.id, r.best, ...personas.map((p) => String(r.scores[p.name]))].join('\t'))].join('\n'), code: 0 };
  }
  return { out: USAGE, code: 2 };
};
