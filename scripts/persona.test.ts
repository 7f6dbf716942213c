import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseExport } from '../src/core/export/schema';
import { buildDeterministicPersona } from '../src/core/persona/accumulator';
import { recordsOfExport } from '../src/core/persona/from-export';

const repo = resolve(import.meta.dirname, '..');
const fixture = (name: string) => join(repo, 'tests/fixtures', name);
const cli = (...args: string[]) => execFileSync(process.execPath, [join(repo, 'scripts/persona.mjs'), ...args], { cwd: repo, encoding: 'utf8' });

describe('npm run persona', () => {
  it('build prints the deterministic persona of an export, and match scores texts against it', () => {
    const out = cli('build', fixture('persona-export.json'));
    const doc = JSON.parse(out);
    const data = parseExport(readFileSync(fixture('persona-export.json'), 'utf8'));
    if (!data.ok) throw new Error(data.error.message);
    // Same document as the core builds in process, and every claim's evidence is a record of the export.
    expect(doc).toEqual(JSON.parse(JSON.stringify(buildDeterministicPersona(recordsOfExport(data.value), { id: 'persona-cli', version: 1, createdAt: data.value.exportedAt }))));
    const ids = new Set(recordsOfExport(data.value).map((r) => r.record.id));
    expect(doc.claims.length).toBeGreaterThan(0);
    for (const claim of doc.claims) expect(claim.evidence.every((id: string) => ids.has(id))).toBe(true);
    expect(doc.style.samples).toBe(8);
    expect(doc.interests.map((i: { phrase: string }) => i.phrase)).toEqual(expect.arrayContaining(['sourdough', 'spelt', 'cycling']));

    const persona = join(mkdtempSync(join(tmpdir(), 'doppel-cli-')), 'persona.json');
    writeFileSync(persona, out);
    const own = Number(cli('match', persona, fixture('persona-sample-own.txt')));
    const other = Number(cli('match', persona, fixture('persona-sample-other.txt')));
    expect(own).toBeGreaterThan(0);
    expect(own).toBeLessThanOrEqual(1);
    expect(own).toBeGreaterThan(other);
  }, 120_000);

  it('prints usage and fails on a bad command', () => {
    expect(() => cli('frobnicate')).toThrow(/Usage/);
  }, 60_000);
});
