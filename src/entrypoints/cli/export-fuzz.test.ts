import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPersonaCli } from './persona';
import { seededRandom } from '../../core/fidelity/bootstrap';
import { parseRecord } from '../../core/export/parse-record';
import { checkExport, parseExport } from '../../core/export/schema';

const fixture = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../tests/fixtures/persona-export.json'), 'utf8'));

const WEIRD: unknown[] = [null, undefined, 0, -1, 1e308, Number.NaN, '', ' ', 'x'.repeat(30_000), '2024-13-45', '1890-01-01', true, [], {}, [null], { text: null }, '\u0000', '😀'.repeat(3), -8.64e15 - 1];

/** A random mutation of a JSON value: replace, delete or add a field, or recurse into a child. */
const mutate = (value: unknown, random: () => number, depth = 0): unknown => {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  if (depth > 6 || random() < 0.15) return pick(WEIRD);
  if (Array.isArray(value)) {
    if (!value.length || random() < 0.1) return [...value, pick(WEIRD)];
    const copy = [...value];
    const i = Math.floor(random() * copy.length);
    if (random() < 0.1) copy.splice(i, 1);
    else copy[i] = mutate(copy[i], random, depth + 1);
    return copy;
  }
  if (value && typeof value === 'object') {
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    const keys = Object.keys(copy);
    const key = keys.length && random() < 0.9 ? pick(keys) : pick(['text', 'createdAt', 'id', 'extra', '__proto__', 'constructor']);
    if (random() < 0.15) delete copy[key];
    else copy[key] = mutate(copy[key], random, depth + 1);
    return copy;
  }
  return pick(WEIRD);
};

const randomJson = (random: () => number, depth = 0): unknown => {
  const r = random();
  if (depth > 4 || r < 0.3) return WEIRD[Math.floor(random() * WEIRD.length)];
  if (r < 0.6) return Array.from({ length: Math.floor(random() * 4) }, () => randomJson(random, depth + 1));
  return Object.fromEntries(Array.from({ length: Math.floor(random() * 4) }, (_, i) => [['format', 'version', 'writings', 'pages', 'reactions', 'personas', `k${i}`][Math.floor(random() * 7)]!, randomJson(random, depth + 1)]));
};

const isSentences = (message: string) => message.length > 0 && !/\n\s+at /.test(message) && !/undefined is not|Cannot read prop/.test(message);

describe('fuzzed exports (seeded)', () => {
  it('5,000 mutated exports and 2,000 random JSON values: the validator never throws and always explains', () => {
    const random = seededRandom(12);
    let refused = 0;
    for (let n = 0; n < 7000; n++) {
      const value = n < 5000 ? mutate(fixture, random) : randomJson(random);
      const json = JSON.stringify(value) ?? 'undefined';
      const text = n % 50 === 0 ? json.slice(0, Math.floor(random() * 200)) : json;
      const result = parseExport(text);
      if (!result.ok) {
        refused++;
        expect(isSentences(result.error.message)).toBe(true);
      } else {
        // What passes is fully typed: every writing has text and an epoch date.
        for (const w of result.value.writings) expect(typeof w.text === 'string' && Number.isFinite(w.createdAt)).toBe(true);
      }
      const checked = checkExport(value);
      if (checked.ok) for (const p of checked.value.problems) expect(p).toMatch(/^(Page|Writing|Reaction|Persona) \d+ \(\w+\[\d+\]\)|^"/);
    }
    expect(refused).toBeGreaterThan(3000);
  }, 120_000);

  it('parseRecord never throws on 3,000 random values for every kind', () => {
    const random = seededRandom(34);
    for (let n = 0; n < 3000; n++) {
      for (const kind of ['pages', 'writings', 'reactions', 'personas'] as const) {
        const result = parseRecord(kind, n % 2 ? mutate(fixture[kind]?.[0] ?? {}, random) : randomJson(random), n);
        if (!result.ok) expect(result.problems.every(isSentences)).toBe(true);
      }
    }
  }, 120_000);

  it('the persona CLI on 1,000 fuzzed export files: exit 0 or 1 with sentences, never a crash', () => {
    const random = seededRandom(56);
    const dir = mkdtempSync(join(tmpdir(), 'doppel-fuzz-'));
    const texts = join(dir, 'texts.jsonl');
    writeFileSync(texts, '"a short text to match"\n{"text": "another one"}\n');
    const codes = { 0: 0, 1: 0 } as Record<number, number>;
    for (let n = 0; n < 1000; n++) {
      const file = join(dir, `e${n % 10}.json`);
      writeFileSync(file, n % 25 === 0 ? '{"format": "doppel-export", "version": 1, "writ' : JSON.stringify(mutate(fixture, random)) ?? 'null');
      const built = runPersonaCli(['build', file]);
      const matched = runPersonaCli(['match', '--json', file, '--', texts]);
      for (const r of [built, matched]) {
        expect([0, 1]).toContain(r.code);
        if (r.code === 1) expect(isSentences(r.out)).toBe(true);
        codes[r.code]!++;
      }
    }
    expect(codes[0]).toBeGreaterThan(100);
    expect(codes[1]).toBeGreaterThan(100);
  }, 300_000);
});
