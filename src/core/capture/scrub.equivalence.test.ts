import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { scrubPii } from './scrub';
import { scrubPiiReference } from './scrub-reference';

const PAGES = join(import.meta.dirname, '../../../../shared/fixtures/pages/readability/test-pages');

/** Text of a saved page, roughly as a reader sees it: tags and scripts out, entities for the usual few. */
const textOf = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/[ \t]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n');

/** Seeded mulberry32: the same strings on every run. */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

// Pieces that start, end, glue or nearly make every kind of match, mixed at random.
const PIECES = [
  ' ', ' ', '  ', '\n', '\t', '\u00a0', '-', '.', ',', ':', '=', '==', '"', "'", '+', '/', '_', '(', ')', '[', ']', '#', '@', '(at)', ' (at) ', ' [at] ',
  '0', '1', '4', '9', '12', '123', '4111', '1111', '0132', '555', '07700', '+44', '+1', '(415)', '219-09-9999', '123-45-6789', '2024-01-15', '1.2.3',
  'DE89', '3704', '0044', '0532', '0130', '00', 'GB82', 'WEST', 'QQ', 'AB', 'C', 'X98765432', 'AKIA', 'ASIA', 'IOSFODNN7EXAMPLE', 'eyJ', 'hbGciOiJIUzI1NiJ9',
  'ghp_', 'gh', 'github_pat_', 'xoxb-', 'sk_live_', 'pk_test_', 'sk-', 'sk-proj-', 'AIza', 'glpat-', 'npm_', '-----BEGIN RSA PRIVATE KEY-----', '-----END RSA PRIVATE KEY-----',
  'abcdefghijklmnop', 'Zx81hQ2pL0', 'c2lnbmF0dXJl', '9f86d081884c7d65', 'ABCDEFGHIJKLMNOP', 'jane.doe', 'example', '.com', '.co.uk', 'mail',
  'api_key', 'API-KEY', 'apikey', 'access_token', 'Auth-Token', 'secret_key', 'client_secret', 'token', 'Token', 'SECRET', 'password', 'Passwd', 'pwd', 'Bearer', 'bearer ', ' is ', ' was ', '[secret]', '[email]',
  'SSN', 'ssn', 'Social Security number', 'passport no.', 'Passport number', 'national ID', 'National Insurance no', 'ID number', 'id no.', 'tax id', 'personnummer', 'BSN', 'Aadhaar', 'nin', 'NIN', 'steuer-id', 'Steuerid', 'DNI', 'nie', 'CPF',
  'the', 'running', 'opinion', 'said ', 'a', 'é', 'İ', 'K', 'ſ', '€', '😀', 'x',
];

const fuzz = (seed: number, count: number, pieces: number) => {
  const rand = random(seed);
  return Array.from({ length: count }, () => Array.from({ length: 1 + Math.floor(rand() * pieces) }, () => PIECES[Math.floor(rand() * PIECES.length)]).join(''));
};

const ADVERSARIAL = [
  'a'.repeat(100_000),
  '1'.repeat(100_000),
  `${'a'.repeat(50_000)}1`,
  `${'z'.repeat(3000)}maria.kovacs@example-mail.com`,
  `${'x.'.repeat(200)}@${'d.'.repeat(300)}com`,
  `${'ab1-'.repeat(400)}==`,
  `${'Ab1+/'.repeat(10)}== next ${'Q9'.repeat(20)}=a`,
  `${'--'.repeat(20)}abcdefghijklmnopqrstuvwxyz0123456789ABCDEF`,
  'İstanbul password: hunter2! SSN 123-45-6789 token=abc123DEF',
  'mail jane (at) example.com and bob [at] example.org, or x (at)y.io',
  `ssn${' '.repeat(500)}123456789 and passport${'\n'.repeat(50)}AB1234567`,
  'call +1 (415) 555-0132 or +447700900123 or 02079460958 on 1.2.3.4',
];

describe('scrubPii finds exactly what one replace per rule over the whole text finds', () => {
  const dirs = readdirSync(PAGES);

  test('on the text of the 130 real pages (their expected text and their whole source)', () => {
    expect(dirs.length).toBe(130);
    let changed = 0;
    for (const dir of dirs) {
      for (const file of ['expected.html', 'source.html']) {
        const text = textOf(readFileSync(join(PAGES, dir, file), 'utf8'));
        const expected = scrubPiiReference(text);
        if (expected !== text) changed++;
        expect(scrubPii(text), `${dir}/${file}`).toBe(expected);
      }
    }
    // The corpus does exercise the rules: many pages have phone-like numbers, addresses, tokens.
    expect(changed).toBeGreaterThan(30);
  });

  test('on hostile and glued strings', () => {
    for (const text of ADVERSARIAL) expect(scrubPii(text)).toBe(scrubPiiReference(text));
  });

  test('on 20,000 seeded random mixes of near-matches', () => {
    const kinds = new Set<string>();
    for (const text of [...fuzz(1, 15_000, 12), ...fuzz(2, 5_000, 60)]) {
      const expected = scrubPiiReference(text);
      expect(scrubPii(text), JSON.stringify(text)).toBe(expected);
      for (const [kind] of expected.matchAll(/\[[a-z-]+\]/g)) if (!text.includes(kind)) kinds.add(kind);
    }
    // The mixes make matches of every kind, not only near misses.
    expect([...kinds].sort()).toEqual(['[card]', '[email]', '[iban]', '[national-id]', '[phone]', '[secret]']);
  });
});
