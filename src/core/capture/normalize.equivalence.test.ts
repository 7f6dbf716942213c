import { describe, expect, test } from 'vitest';
import { realPageTexts, seededMixes } from '../../../tests/equivalence/texts';
import { normalizeText } from './normalize';

/** The definition the one-pass version must match exactly. */
const reference = (text: string): string => text.replace(/[ \t\f\v\u00a0]+/g, ' ').replace(/\s*\n\s*/g, '\n').trim();

describe('normalizeText', () => {
  test('equals the two-replace definition on the real pages (source markup and expected text)', () => {
    for (const { name, text } of realPageTexts()) expect(normalizeText(text), name).toBe(reference(text));
  });

  test('equals it on seeded random mixes of every white-space character and near misses', () => {
    // Every character `\s` matches, and some that look blank but are not (U+180E, U+200B, U+2060).
    const white = [...'\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff'];
    for (const c of white) expect(/\s/.test(c)).toBe(true);
    const alphabet = [...white, '\u180e', '\u200b', '\u2060', 'a', 'b', '.', 'İ', '😀'];
    for (const text of seededMixes(alphabet, { seed: 11, maxLength: 24 })) expect(normalizeText(text), JSON.stringify(text)).toBe(reference(text));
    expect(normalizeText('')).toBe('');
    expect(normalizeText('plain words only')).toBe('plain words only');
  });
});
