import { describe, expect, test } from 'vitest';
import { realPageTexts, seededMixes } from '../../../tests/equivalence/texts';
import { searchTerms, searchTermsByRegex } from './terms';

describe('searchTerms', () => {
  test('hand cases: apostrophes inside words, function words ("don\'t") and one-letter words dropped, case folded', () => {
    expect(searchTerms("Don't STOP rock'n'roll—it’s 2024, 'quoted' x''y l’été")).toEqual(['stop', "rock'n'roll", 'it’s', '2024', 'quoted', 'l’été']);
    expect(searchTerms('')).toEqual([]);
  });

  test('equals the regex reading on the real pages (source markup and expected text)', () => {
    for (const { name, text } of realPageTexts()) expect(searchTerms(text), name).toEqual(searchTermsByRegex(text));
  });

  test('equals it on seeded random mixes of letters, digits, apostrophes, marks, scripts and astral characters', () => {
    const alphabet = [...'aZ09 \'’.-_\n\t', 'é', 'İ', 'ß', 'Σ', 'ς', 'ж', '中', 'ａ', 'Ａ', '١', '\u0301', '\u00a0', 'K', '😀', '𝐀', 'ª', '²', '\ufeff'];
    for (const text of seededMixes(alphabet, { seed: 7, maxLength: 30 })) expect(searchTerms(text), JSON.stringify(text)).toEqual(searchTermsByRegex(text));
  });
});
