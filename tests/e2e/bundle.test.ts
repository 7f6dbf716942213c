import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from 'vitest';
import { DIST } from './harness';

/** Every JS file a page loads at startup: its module script and, transitively, the static imports. */
const closureOf = (htmlPath: string): Map<string, string> => {
  const html = readFileSync(join(DIST, htmlPath), 'utf8');
  const files = new Map<string, string>();
  const queue = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => resolve(dirname(join(DIST, htmlPath)), m[1]!));
  while (queue.length) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    const code = readFileSync(file, 'utf8');
    files.set(file, code);
    for (const m of code.matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g)) queue.push(resolve(dirname(file), m[1]!));
    // Dynamic imports load later, but they are still code the page can pull in: follow them too.
    // The bundler writes them with backticks.
    for (const m of code.matchAll(/import\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g)) queue.push(resolve(dirname(file), m[1]!));
  }
  return files;
};

// Identifiers that exist only inside the engine libraries (UI text may name the engines).
const ENGINE_MARKERS = [/WllamaError|wllamaAction|loadModelFromUrl/, /CreateMLCEngine|prebuiltAppConfig|MLCEngine\b/, /tvmjs/i, /\.wasm["'`]/];

test.each(['popup/index.html', 'options/index.html', 'panel/index.html'])('%s loads no engine code', (page) => {
  const closure = closureOf(page);
  expect(closure.size).toBeGreaterThan(0);
  for (const [file, code] of closure) {
    for (const marker of ENGINE_MARKERS) expect(marker.test(code), `${file} contains ${marker}`).toBe(false);
  }
  const gzip = [...closure.values()].reduce((sum, code) => sum + gzipSync(code).length, 0);
  console.log(`${page}: ${closure.size} scripts, ${(gzip / 1024).toFixed(1)} KiB gzipped`);
});

test('the offscreen engine host does load the engine (so the check above can fail)', () => {
  const code = [...closureOf('offscreen/index.html').values()].join('\n');
  expect(ENGINE_MARKERS.filter((marker) => marker.test(code)).length).toBeGreaterThan(0);
});

test('the popup stays within its budget: 50 KB gzipped, scripts and styles together', () => {
  const closure = closureOf('popup/index.html');
  const html = readFileSync(join(DIST, 'popup/index.html'), 'utf8');
  const styles = [...html.matchAll(/<link[^>]+href="([^"]+\.css)"/g)].map((m) => readFileSync(resolve(DIST, 'popup', m[1]!), 'utf8'));
  expect(styles.length).toBeGreaterThan(0);
  const gzip = [...closure.values(), ...styles].reduce((sum, code) => sum + gzipSync(code).length, 0);
  console.log(`popup budget: ${(gzip / 1024).toFixed(1)} KiB gzipped of 50`);
  expect(gzip).toBeLessThanOrEqual(50 * 1024);
});

// Each module before the popup's first frame is a request to the browser process and work on its main
// thread (bench/popup.bench.ts measures the time to interactive): one script, with no static imports.
test('the popup’s first frame needs one script; what it shows later is loaded on demand', () => {
  const html = readFileSync(join(DIST, 'popup/index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!);
  expect(scripts).toHaveLength(1);
  expect(html).not.toMatch(/modulepreload/);
  const entry = readFileSync(resolve(DIST, 'popup', scripts[0]!), 'utf8');
  expect(entry.match(/(?:import|from)\s*["'][^"']+\.js["']/g) ?? []).toEqual([]);
  expect(closureOf('popup/index.html').size).toBeGreaterThan(1);
});

// Chrome's Prompt API tier was removed (docs/engine.md, "Why there is no built-in tier"): nothing
// Doppel ships may call it, so no surface can silently switch to a model without log-probs.
test('no part of the extension calls Chrome’s built-in Prompt API', () => {
  for (const page of ['popup/index.html', 'options/index.html', 'panel/index.html', 'offscreen/index.html']) {
    for (const [file, code] of closureOf(page)) expect(/\bLanguageModel\b/.test(code), `${file} calls LanguageModel`).toBe(false);
  }
  const worker = readFileSync(join(DIST, 'background.js'), 'utf8');
  expect(/\bLanguageModel\b/.test(worker)).toBe(false);
});
