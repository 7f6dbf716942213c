import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { rawWords, rawWordsByRegex } from './text-stats';

const PAGES = join(import.meta.dirname, '../../../../shared/fixtures/pages/readability/test-pages');

describe('rawWords', () => {
  test('hand cases: an apostrophe joins letters only, case and curly apostrophes kept', () => {
    expect(rawWords("It's 2pm, o’clock: it's2 ab'2 x2'y rock'n'roll 'quoted' Ａ１ l’été")).toEqual(["It's", '2pm', 'o’clock', "it's", '2', 'ab', '2', "x2'y", "rock'n'roll", 'quoted', 'Ａ１', 'l’été']);
  });

  test('equals the regex on the real pages (source markup and expected text)', () => {
    const names = readdirSync(PAGES).filter((n) => existsSync(join(PAGES, n, 'expected.html')));
    expect(names.length).toBeGreaterThan(100);
    for (const name of names) {
      for (const file of ['source.html', 'expected.html']) {
        const text = readFileSync(join(PAGES, name, file), 'utf8');
        expect(rawWords(text)).toEqual(rawWordsByRegex(text));
      }
    }
  });

  test('equals it on seeded random mixes of letters, digits, apostrophes, marks, scripts and astral characters', () => {
    const alphabet = [...'aZ09 \'’.-_\n\t', 'é', 'İ', 'ß', 'Σ', 'ж', '中', 'ａ', '١', '\u0301', '\u00a0', '😀', '𝐀', 'ª', '²', 'Ⅻ'];
    let seed = 3;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 20_000; round++) {
      const length = Math.floor(next() * 30);
      let text = '';
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(next() * alphabet.length)];
      expect(rawWords(text), JSON.stringify(text)).toEqual(rawWordsByRegex(text));
    }
  });
});
