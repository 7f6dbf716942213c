import { test } from 'vitest';
import { normalizeText } from '../../src/core/capture/normalize';
import { scrubPii } from '../../src/core/capture/scrub';
import { contentHash } from '../../src/core/capture/hash';
import { cutToBytes, MAX_PAGE_BYTES } from '../../src/core/capture/limits';
import { pageDoc } from '../../src/core/search/terms';
import { stripUrl } from '../../src/core/capture/url';
const words = ['tide', 'harbour', 'gull', 'ferry', 'lighthouse', 'slipway', 'mooring', 'kelp', 'squall', 'pier', 'net', 'crab'];
const article = (i: number, paragraphs: number) => {
  const p = (k: number) => `<p>${Array.from({ length: 60 }, (_, w) => words[(i * 7 + k * 3 + w) % words.length]).join(' ')}. Contact desk${k}@example.org.</p>`;
  return `<h1>Bench article ${i}</h1>${Array.from({ length: paragraphs }, (_, k) => p(k)).join('')}`;
};
test('cpu', () => {
  const texts = Array.from({ length: 2000 }, (_, i) => `${article(i, 8).replace(/<[^>]+>/g, ' ')} unique ${i}`);
  for (let r = 0; r < 3; r++) {
    const t: Record<string, number> = {};
    let s = performance.now();
    const norm = texts.map((x) => normalizeText(x.slice(0, MAX_PAGE_BYTES * 2))); t.normalize = performance.now() - s; s = performance.now();
    const scr = norm.map((x) => cutToBytes(scrubPii(x.slice(0, MAX_PAGE_BYTES * 2)), MAX_PAGE_BYTES)); t.scrubCut = performance.now() - s; s = performance.now();
    const cut = norm.map((x) => cutToBytes(x, MAX_PAGE_BYTES)); t.cutOnly = performance.now() - s; s = performance.now();
    scr.map((x) => contentHash(x)); t.hash = performance.now() - s; s = performance.now();
    scr.map((x, i) => pageDoc({ id: `p${i}`, url: `https://x.example/${i}`, site: 'x.example', title: 'T', text: x, contentHash: '', firstVisit: 0, lastVisit: 0, visitCount: 1, dwellMs: 0, maxScroll: 0 })); t.doc = performance.now() - s; s = performance.now();
    texts.map((x, i) => stripUrl(`https://x.example/ingest/${i}?a=1`)); t.url = performance.now() - s;
    console.log(JSON.stringify(t), cut.length);
  }
});
