import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const PAGES = join(import.meta.dirname, '../../../shared/fixtures/pages/readability/test-pages');

/** Every real page's source markup and expected text (../shared/fixtures/pages/readability), for checking a fast text function against its definition. */
export const realPageTexts = (): { name: string; text: string }[] => {
  const names = readdirSync(PAGES).filter((n) => existsSync(join(PAGES, n, 'expected.html')));
  if (names.length < 100) throw new Error(`only ${names.length} real pages under ${PAGES}`);
  return names.flatMap((name) => ['source.html', 'expected.html'].map((file) => ({ name: `${name}/${file}`, text: readFileSync(join(PAGES, name, file), 'utf8') })));
};

/** `rounds` seeded random strings of up to `maxLength` pieces drawn from `alphabet` (a linear congruential generator: the same strings on every run). */
export function* seededMixes(alphabet: readonly string[], { seed, rounds = 20_000, maxLength }: { seed: number; rounds?: number; maxLength: number }): Generator<string> {
  let state = seed;
  const next = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  for (let round = 0; round < rounds; round++) {
    const length = Math.floor(next() * maxLength);
    let text = '';
    for (let i = 0; i < length; i++) text += alphabet[Math.floor(next() * alphabet.length)];
    yield text;
  }
}
