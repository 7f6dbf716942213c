import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, test } from 'vitest';
import { launchDoppel, REPO, type Doppel } from '../tests/e2e/harness';
import { expectedText, HAS_READABILITY_PAGES, READABILITY_PAGES, READABILITY_SOURCE, readabilityPageNames, tokenF1 } from '../tests/e2e/readability-pages';
import { quantile } from './stats';

/**
 * Which extractor the engine host should run on the markup a content script sends (issue 13:
 * "DOMParser + Readability, or defuddle if it extracts better on real pages — measure both").
 * Both run in Chromium on a DOMParser document of each of the 130 real pages, as the offscreen
 * document parses them: time per page, and token F1 of the text against the corpus's expected.html.
 * That reference is Readability's own expected output, so F1 leans Readability's way; the F1 of the
 * two texts against each other is printed too. Prints numbers; asserts nothing about time.
 */
let doppel: Doppel;
beforeAll(async () => {
  doppel = await launchDoppel();
});
afterAll(async () => {
  await doppel.close();
});

const DEFUDDLE = readFileSync(join(REPO, 'node_modules/defuddle/dist/index.js'), 'utf8');

interface Extracted {
  readability: { text: string; ms: number };
  defuddle: { text: string; ms: number; error?: string };
  parseMs: number;
}

// Runs in the page. Readability with the options Doppel's engine host uses
// (src/adapters/capture/extract-readable.ts); defuddle with its defaults; block ends become
// newlines in both, so words across blocks are not glued.
const extractBoth = (html: string): Extracted => {
  const BLOCKS = 'p, div, li, td, th, tr, dt, dd, h1, h2, h3, h4, h5, h6, br, blockquote, pre, section, article, header, footer, aside, figcaption, caption';
  const textOf = (root: ParentNode): string => {
    for (const el of root.querySelectorAll(BLOCKS)) el.append('\n');
    return root.textContent ?? '';
  };
  const w = window as unknown as {
    Readability: new (d: Document, o: object) => { parse(): { content: Element } | null };
    Defuddle: unknown;
  };
  const start = performance.now();
  const doc = () => new DOMParser().parseFromString(html, 'text/html');
  doc();
  const parseMs = performance.now() - start;

  const a = doc();
  const r0 = performance.now();
  const article = new w.Readability(a, { charThreshold: 200, maxElemsToParse: 15_000, serializer: (n: Element) => n }).parse();
  const readabilityText = article?.content ? textOf(article.content) : '';
  const readabilityMs = performance.now() - r0;

  const b = doc();
  const Defuddle = (typeof w.Defuddle === 'function' ? w.Defuddle : (w.Defuddle as { default: unknown }).default) as new (d: Document, o?: object) => { parse(): { content: string } };
  const d0 = performance.now();
  let defuddleText = '';
  let error: string | undefined;
  try {
    const out = new Defuddle(b, { url: 'http://127.0.0.1/' }).parse();
    const holder = new DOMParser().parseFromString(`<body>${out.content}</body>`, 'text/html').body;
    defuddleText = textOf(holder);
  } catch (failure) {
    error = String(failure);
  }
  const defuddleMs = performance.now() - d0;
  return { readability: { text: readabilityText, ms: readabilityMs }, defuddle: { text: defuddleText, ms: defuddleMs, ...(error ? { error } : {}) }, parseMs };
};

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const f = (n: number, d = 2) => Number(n.toFixed(d));

test.skipIf(!HAS_READABILITY_PAGES)('Readability vs defuddle on the 130 real pages: time per page and token F1 of the text', async () => {
  doppel.server.serve('bench/blank.html', '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>extractors</title></head><body></body></html>');
  const page = await doppel.context.newPage();
  await page.goto(doppel.server.url('bench/blank.html'));
  // evaluate, not a script tag: the libraries run as code of the bench, not of a page.
  await page.evaluate((src) => (0, eval)(src), READABILITY_SOURCE);
  await page.evaluate((src) => (0, eval)(`var module = undefined, exports = undefined, define = undefined;\n${src}`), DEFUDDLE);

  const rows = { readability: { ms: [] as number[], f1: [] as number[], empty: 0 }, defuddle: { ms: [] as number[], f1: [] as number[], empty: 0 } };
  const agreement: number[] = [];
  const parseMs: number[] = [];
  const errors: string[] = [];
  let better = 0;
  let worse = 0;
  for (const name of readabilityPageNames()) {
    const html = readFileSync(join(READABILITY_PAGES, name, 'source.html'), 'utf8');
    const want = expectedText(name);
    const got = await page.evaluate(extractBoth, html);
    parseMs.push(got.parseMs);
    for (const kind of ['readability', 'defuddle'] as const) {
      const { text, ms } = got[kind];
      rows[kind].ms.push(ms);
      rows[kind].f1.push(tokenF1(text, want));
      if (!text.trim()) rows[kind].empty++;
    }
    if (got.defuddle.error) errors.push(`${name}: ${got.defuddle.error.slice(0, 80)}`);
    agreement.push(tokenF1(got.defuddle.text, got.readability.text));
    const delta = rows.defuddle.f1.at(-1)! - rows.readability.f1.at(-1)!;
    if (delta > 0.05) better++;
    if (delta < -0.05) worse++;
  }
  await page.close();
  const row = (r: (typeof rows)['readability']) => ({
    pages: r.ms.length,
    'ms p50': f(quantile(r.ms, 0.5)),
    'ms p95': f(quantile(r.ms, 0.95)),
    'F1 mean': f(mean(r.f1), 3),
    'F1 p10': f(quantile(r.f1, 0.1), 3),
    'F1 min': f(Math.min(...r.f1), 3),
    'empty text': r.empty,
  });
  console.log(`DOMParser alone: p50 ${f(quantile(parseMs, 0.5))} ms, p95 ${f(quantile(parseMs, 0.95))} ms per page`);
  console.table({ 'Readability (what Doppel runs)': row(rows.readability), 'defuddle 0.19.4': row(rows.defuddle) });
  console.log(`defuddle vs Readability on the same page, token F1 of the two texts: mean ${f(mean(agreement), 3)}, p10 ${f(quantile(agreement, 0.1), 3)}; defuddle better by > 0.05 F1 on ${better} pages, worse on ${worse}`);
  if (errors.length) console.log(`defuddle threw on ${errors.length} pages: ${errors.slice(0, 5).join('; ')}`);
});
