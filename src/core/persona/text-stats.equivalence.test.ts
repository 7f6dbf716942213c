import { describe, expect, test } from 'vitest';
import { realPageTexts, seededMixes } from '../../../tests/equivalence/texts';
import { rawWords, rawWordsByRegex } from './text-stats';

describe('rawWords', () => {
  test('hand cases: an apostrophe joins letters only, case and curly apostrophes kept', () => {
    expect(rawWords("It's 2pm, o’clock: it's2 ab'2 x2'y rock'n'roll 'quoted' Ａ１ l’été")).toEqual(["It's", '2pm', 'o’clock', "it's", '2', 'ab', '2', "x2'y", "rock'n'roll", 'quoted', 'Ａ１', 'l’été']);
  });

  test('equals the regex on the real pages (source markup and expected text)', () => {
    for (const { name, text } of realPageTexts()) expect(rawWords(text), name).toEqual(rawWordsByRegex(text));
  });

  test('equals it on seeded random mixes of letters, digits, apostrophes, marks, scripts and astral characters', () => {
    const alphabet = [...'aZ09 \'’.-_\n\t', 'é', 'İ', 'ß', 'Σ', 'ж', '中', 'ａ', '١', '\u0301', '\u00a0', '😀', '𝐀', 'ª', '²', 'Ⅻ'];
    for (const text of seededMixes(alphabet, { seed: 3, maxLength: 30 })) expect(rawWords(text), JSON.stringify(text)).toEqual(rawWordsByRegex(text));
  });
});
