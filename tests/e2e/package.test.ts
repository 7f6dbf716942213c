import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { REPO } from './harness';

const STORE = join(REPO, 'dist-store');
let output = '';
beforeAll(() => {
  output = execFileSync('npm', ['run', '--silent', 'package'], { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}, 300_000);

const filesIn = (dir: string, out: string[] = []): string[] => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) filesIn(path, out);
    else out.push(path);
  }
  return out;
};
const directive = (csp: string, name: string) => csp.split(';').map((d) => d.trim().split(/\s+/)).find(([n]) => n === name)?.slice(1) ?? [];
// Where model weights come from: Hugging Face and its file CDNs, or a server on the user's own computer.
const WEIGHT_HOSTS = ['https://huggingface.co', 'https://cdn-lfs.huggingface.co', 'https://cdn-lfs-us-1.huggingface.co', 'https://cdn-lfs-us-1.hf.co', 'https://cas-bridge.xethub.hf.co', 'http://127.0.0.1:*', 'http://localhost:*'];

test('the store package\'s CSP runs only its own scripts and connects to model-weight hosts only', () => {
  const csp: string = JSON.parse(readFileSync(join(STORE, 'manifest.json'), 'utf8')).content_security_policy.extension_pages;
  expect(directive(csp, 'script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  expect(directive(csp, 'connect-src').filter((s) => !["'self'", 'blob:', 'data:'].includes(s) && !WEIGHT_HOSTS.includes(s))).toEqual([]);
  expect(csp).not.toContain('raw.githubusercontent.com');
});

test('no file in the store package names remote code: no code host, no remote .js/.mjs/.wasm address', () => {
  const files = filesIn(STORE);
  expect(files.some((f) => f.endsWith('offscreen/index.html'))).toBe(true);
  const found: string[] = [];
  for (const file of files.filter((f) => /\.(js|mjs|html|json)$/.test(f))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/https?:\/\/[^\s"'`<>()\\]+/g)) {
      const url = m[0];
      // A page on a source viewer (github.com/…/blob/…) is documentation in an error message, not code.
      const remoteCode = /\.(m?js|wasm)(\?|#|$)/.test(url) && !/\/blob\//.test(url);
      if (remoteCode || /raw\.githubusercontent\.com|binary-mlc-llm-libs|cdn\.jsdelivr\.net|unpkg\.com/.test(url)) found.push(`${relative(STORE, file)}: ${url}`);
    }
  }
  expect(found).toEqual([]);
});

test('every WebAssembly file in the package is the engine\'s own or an embedded, pinned model library', () => {
  const pins: { file: string }[] = JSON.parse(readFileSync(join(REPO, 'src/core/engine/webllm-libs.json'), 'utf8'));
  const wasm = filesIn(STORE).filter((f) => f.endsWith('.wasm')).map((f) => relative(STORE, f));
  expect(wasm.filter((f) => !/^assets\/wllama-[\w-]+\.wasm$/.test(f) && !pins.some((p) => f === `webllm-libs/${p.file}`))).toEqual([]);
  // The build says, model by model, what it could not embed.
  expect(output).toMatch(/Embedded \d+ of 15 catalogued WebLLM model libraries/);
  if (pins.length < 15) expect(output).toMatch(/Left out/);
});
