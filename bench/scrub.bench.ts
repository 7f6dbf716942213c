import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'vitest';
import { normalizeText } from '../src/core/capture/normalize';
import { scrubPii } from '../src/core/capture/scrub';
import { scrubPiiReference } from '../src/core/capture/scrub-reference';
import { syntheticHistory } from '../src/core/synthetic/history';
import { REPO } from '../tests/e2e/harness';

/**
 * The PII scrub every captured and imported text goes through, on the 130 real pages' text (what
 * Readability keeps, and the whole page source as text) and on the bench's synthetic pages:
 * throughput now vs the scrub before candidates (one replace per rule), in the same process,
 * best of 7 alternating runs. Prints numbers; asserts nothing about time.
 */
const PAGES = join(REPO, '../shared/fixtures/pages/readability/test-pages');
const textOf = (html: string) => html.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/gi, ' ').replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').replace(/[ \t]+/g, ' ').replace(/\s*\n\s*/g, '\n');

/** Each set's throughput for the code before and now: best of 7 rounds, the two alternating in each. */
const throughputRows = (sets: Record<string, string[]>, before: (t: string) => unknown, now: (t: string) => unknown, extra: Record<string, string> = {}) => {
  const rows: Record<string, Record<string, string | number>> = {};
  for (const [name, texts] of Object.entries(sets)) {
    const chars = texts.reduce((s, t) => s + t.length, 0);
    const best = [Infinity, Infinity];
    for (let round = 0; round < 7; round++) {
      [before, now].forEach((run, k) => {
        const start = performance.now();
        for (const t of texts) run(t);
        best[k] = Math.min(best[k]!, performance.now() - start);
      });
    }
    const rate = (ms: number) => Number((chars / 1e3 / ms).toFixed(1));
    rows[name] = { 'M chars': Number((chars / 1e6).toFixed(2)), 'before (M chars/s)': rate(best[0]!), 'now (M chars/s)': rate(best[1]!), 'speed-up': Number((best[0]! / best[1]!).toFixed(1)), ...extra };
  }
  return rows;
};

test('PII scrub throughput: now vs one replace per rule', () => {
  const dirs = readdirSync(PAGES);
  const sets: Record<string, string[]> = {
    'real pages, expected text': dirs.map((d) => textOf(readFileSync(join(PAGES, d, 'expected.html'), 'utf8'))),
    'real pages, whole source as text': dirs.map((d) => textOf(readFileSync(join(PAGES, d, 'source.html'), 'utf8'))),
    'synthetic pages (2–30 KB)': syntheticHistory(400, { seed: 3 }).pages.map((p) => p.text),
  };
  console.table(throughputRows(sets, scrubPiiReference, scrubPii, { goal: '≥ 10×' }));
});

/** The text tidying before the scrub (`normalizeText`) vs the two global replaces it replaced. */
const tidyBefore = (text: string): string => text.replace(/[ \t\f\v\u00a0]+/g, ' ').replace(/\s*\n\s*/g, '\n').trim();

test('text tidying throughput: one pass vs two replaces', () => {
  const dirs = readdirSync(PAGES);
  // As a page's innerText arrives: tags gone, white space as laid out.
  const raw = (html: string) => html.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/gi, ' ').replace(/<[^>]+>/g, ' ');
  const sets: Record<string, string[]> = {
    'real pages, expected text': dirs.map((d) => raw(readFileSync(join(PAGES, d, 'expected.html'), 'utf8'))),
    'real pages, whole source as text': dirs.map((d) => raw(readFileSync(join(PAGES, d, 'source.html'), 'utf8'))),
  };
  console.table(throughputRows(sets, tidyBefore, normalizeText));
});
