import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { normalizeText } from './normalize';

const PAGES = join(import.meta.dirname, '../../../../shared/fixtures/pages/readability/test-pages');

/** The definition the one-pass version must match exactly. */
const reference = (text: string): string => text.replace(/[ \t\f\v\u00a0]+/g, ' ').replace(/\s*\n\s*/g, '\n').trim();



describe('normalizeText', () => {
  test('equals the two-replace definition on the real pages (source markup and expected text)', () => {
    const names = readdirSync(PAGES).filter((n) => existsSync(join(PAGES, n, 'expected.html')));
    expect(names.length).toBeGreaterThan(100);
    for (const name of names) {
      for (const file of ['source.html', 'expected.html']) {
        const text = readFileSync(join(PAGES, name, file), 'utf8');
        expect(normalizeText(text)).toBe(reference(text));
      }
    }
  });

  test('equals it on seeded random mixes of every white-space character and near misses', () => {
    // Every character `\s` matches, and some that look blank but are not (U+180E, U+200B, U+2060).
    const white = [...'\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff'];
    for (const c of white) expect(/\s/.test(c)).toBe(true);
    const alphabet = [...white, '\u180e', '\u200b', '\u2060', 'a', 'b', '.', 'İ', '😀'];
    let seed = 11;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 20_000; round++) {
      const length = Math.floor(next() * 24);
      let text = '';
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(next() * alphabet.length)];
      expect(normalizeText(text), JSON.stringify(text)).toBe(reference(text));
    }
    expect(normalizeText('')).toBe('');
    expect(normalizeText('plain words only')).toBe('plain words only');
  });
});
