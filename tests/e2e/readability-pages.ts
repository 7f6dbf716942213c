import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tokenize } from '../../src/core/fidelity/tokenize';
import { REPO } from './harness';

/** Mozilla Readability's 130 real test pages, beside the repo (see its README). */
export const READABILITY_PAGES = resolve(REPO, '../shared/fixtures/pages/readability/test-pages');
export const HAS_READABILITY_PAGES = existsSync(READABILITY_PAGES);

export const readabilityPageNames = (): string[] => (HAS_READABILITY_PAGES ? readdirSync(READABILITY_PAGES).filter((n) => existsSync(join(READABILITY_PAGES, n, 'expected.html'))).sort() : []);

// Saved pages point at their sites' scripts, styles, images and fonts. The page is served as it
// was, but with a CSP that lets it load nothing and run nothing, so the network audit sees only
// the test server, as a page whose resources are cached would.
const LOCKDOWN = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`;

/**
 * The page's saved markup, locked down to load nothing from anywhere: besides the CSP, every
 * address in an attribute points at the test server (the preload scanner asks before CSP says no).
 */
export const servedSource = (name: string): string => {
  const html = readFileSync(join(READABILITY_PAGES, name, 'source.html'), 'utf8')
    .replace(/<link\b[^>]*>/gi, '')
    // Any attribute: <body background=…>, src=" http://…" with a space, file:///C|/… from a saved page.
    .replace(/(\s[\w:-]+\s*=\s*["']?\s*)(?:https?:|file:)?\/\//gi, '$1/offline/')
    // srcset candidates after the first; their URLs may hold commas ("_extract=67,0,1867_").
    .replace(/(,\s*)(?:https?:)?\/\/(?=[^\s"']+\s+\d+(?:\.\d+)?[wx])/gi, '$1/offline/')
    // Inline styles quote with entities as often as with quotes: url(&quot;http://…&quot;).
    .replace(/(url\(\s*(?:["']|&quot;|&#0?34;|&#0?39;|&apos;)?|@import\s+["'])(?:https?:)?\/\//gi, '$1/offline/');
  const head = /<head\b[^>]*>/i.exec(html);
  return head ? `${html.slice(0, head.index + head[0].length)}${LOCKDOWN}${html.slice(head.index + head[0].length)}` : `${LOCKDOWN}${html}`;
};

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', mdash: '—', ndash: '–', hellip: '…', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“' };

/** The text of Readability's expected article: tags dropped, entities decoded. Good enough for token overlap. */
export const expectedText = (name: string): string =>
  readFileSync(join(READABILITY_PAGES, name, 'expected.html'), 'utf8')
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&([a-z]+);/gi, (m, n: string) => ENTITIES[n.toLowerCase()] ?? m);

/** Token F1 of `got` against `want`, counting repeated tokens (bag of words). */
export const tokenF1 = (got: string, want: string): number => {
  const a = tokenize(got);
  const b = tokenize(want);
  if (!a.length && !b.length) return 1;
  if (!a.length || !b.length) return 0;
  const counts = new Map<string, number>();
  for (const t of b) counts.set(t, (counts.get(t) ?? 0) + 1);
  let overlap = 0;
  for (const t of a) {
    const n = counts.get(t) ?? 0;
    if (n > 0) {
      overlap++;
      counts.set(t, n - 1);
    }
  }
  const precision = overlap / a.length;
  const recall = overlap / b.length;
  return precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
};

/** Mozilla Readability as a script to evaluate in a page. */
export const READABILITY_SOURCE = readFileSync(join(REPO, 'node_modules/@mozilla/readability/Readability.js'), 'utf8');

/**
 * What the content script did before the parse moved off the page: Readability on a clone of the
 * live document, with a line break after each block (the same code as adapters/capture/extract-readable).
 * Returns the text and the main-thread milliseconds it took.
 */
export const IN_PAGE_PARSE = `(() => {
  ${READABILITY_SOURCE}
  const start = performance.now();
  const BLOCKS = 'p, div, li, td, th, tr, dt, dd, h1, h2, h3, h4, h5, h6, br, blockquote, pre, section, article, header, footer, aside, figcaption, caption';
  let text = '';
  try {
    const article = new Readability(document.cloneNode(true), { charThreshold: 200, maxElemsToParse: 15000, serializer: (n) => n }).parse();
    if (article && article.content) {
      for (const el of article.content.querySelectorAll(BLOCKS)) el.append('\\n');
      text = article.content.textContent || '';
    }
  } catch {}
  if (!text.trim()) text = document.body ? document.body.innerText : '';
  return { text, ms: performance.now() - start };
})()`;
