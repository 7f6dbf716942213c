import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { searchTerms, searchTermsByRegex } from './terms';

const PAGES = join(import.meta.dirname, '../../../../shared/fixtures/pages/readability/test-pages');

describe('searchTerms', () => {
  test('hand cases: apostrophes inside words, function words ("don\'t") and one-letter words dropped, case folded', () => {
    expect(searchTerms("Don't STOP rock'n'roll—it’s 2024, 'quoted' x''y l’été")).toEqual(['stop', "rock'n'roll", 'it’s', '2024', 'quoted', 'l’été']);
    expect(searchTerms('')).toEqual([]);
  });

  test('equals the regex reading on the real pages (source markup and expected text)', () => {
    const names = readdirSync(PAGES).filter((n) => existsSync(join(PAGES, n, 'expected.html')));
    expect(names.length).toBeGreaterThan(100);
    for (const name of names) {
      for (const file of ['source.html', 'expected.html']) {
        const text = readFileSync(join(PAGES, name, file), 'utf8');
        expect(searchTerms(text)).toEqual(searchTermsByRegex(text));
      }
    }
  });

  test('equals it on seeded random mixes of letters, digits, apostrophes, marks, scripts and astral characters', () => {
    const alphabet = [...'aZ09 \'’.-_\n\t', 'é', 'İ', 'ß', 'Σ', 'ς', 'ж', '中', 'ａ', 'Ａ', '١', '\u0301', '\u00a0', 'K', '😀', '𝐀', 'ª', '²', '\ufeff'];
    let seed = 7;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 20_000; round++) {
      const length = Math.floor(next() * 30);
      let text = '';
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(next() * alphabet.length)];
      expect(searchTerms(text), JSON.stringify(text)).toEqual(searchTermsByRegex(text));
    }
  });
});
