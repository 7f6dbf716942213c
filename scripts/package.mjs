#!/usr/bin/env node
// The store build: `npm run package` → dist-store/ (and doppel-store.zip when `zip` exists).
// Model libraries (compiled WebGPU code) ship inside the package: for each library pinned in
// src/core/engine/webllm-libs.json it looks for the file in what a package registry client
// installed (node_modules, i.e. `npm ci`), checks its sha256 against the pin, and copies it to
// dist-store/webllm-libs/. A pinned library it cannot obtain and verify is left out, and so is
// its model: the package never falls back to fetching code. It says what it left out, and why.
//
// `node scripts/package.mjs --pin <model-id> <file.wasm> <immutable-url>` prints a pin for a
// library file you have, to add to webllm-libs.json.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

const REPO = resolve(import.meta.dirname, '..');
const sri = (bytes) => `sha256-${createHash('sha256').update(bytes).digest('base64')}`;

if (process.argv[2] === '--pin') {
  const [, , , modelId, file, url] = process.argv;
  if (!modelId || !file || !url || /\/(main|master)\//.test(url)) {
    console.error('usage: --pin <model-id> <file.wasm> <immutable-url> (a commit URL, never a branch)');
    process.exit(2);
  }
  console.log(JSON.stringify({ modelId, file: basename(file), url, integrity: sri(readFileSync(file)) }));
  process.exit(0);
}

const pins = JSON.parse(readFileSync(join(REPO, 'src/core/engine/webllm-libs.json'), 'utf8'));
const catalogSource = readFileSync(join(REPO, 'src/core/engine/webllm-catalog.ts'), 'utf8');
const catalogued = [...catalogSource.matchAll(/id: '([^']+-MLC)'/g)].map((m) => m[1]);

/** Every .wasm file under `dir` (the registry-installed packages). */
const wasmFiles = (dir, out = []) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (stat?.isDirectory()) wasmFiles(path, out);
    else if (name.endsWith('.wasm')) out.push(path);
  }
  return out;
};
const webllmDir = join(REPO, 'node_modules/@mlc-ai/web-llm');
const webllmVersion = JSON.parse(readFileSync(join(webllmDir, 'package.json'), 'utf8')).version;
const available = existsSync(webllmDir) ? wasmFiles(webllmDir) : [];

const embedded = [];
const leftOut = [];
for (const modelId of catalogued) {
  const pin = pins.find((p) => p.modelId === modelId);
  if (!pin) {
    leftOut.push(`${modelId}: no library pinned (URL + sha256) in src/core/engine/webllm-libs.json`);
    continue;
  }
  const found = available.find((path) => basename(path) === pin.file);
  if (!found) {
    leftOut.push(`${modelId}: ${pin.file} is not in @mlc-ai/web-llm@${webllmVersion} from npm`);
    continue;
  }
  if (sri(readFileSync(found)) !== pin.integrity) {
    leftOut.push(`${modelId}: ${pin.file} does not match its pinned sha256`);
    continue;
  }
  embedded.push({ pin, path: found });
}

console.log(`@mlc-ai/web-llm@${webllmVersion} from npm ships ${available.length} .wasm model libraries.`);
execFileSync('npx', ['vite', 'build', '--mode', 'store'], { cwd: REPO, stdio: 'inherit', env: { ...process.env, DOPPEL_EMBEDDED_LIBS: JSON.stringify(embedded.map((e) => e.pin.file)) } });
execFileSync('npx', ['vite', 'build', '--mode', 'store-popup'], { cwd: REPO, stdio: 'inherit' });
execFileSync('npx', ['vite', 'build', '--mode', 'store-content'], { cwd: REPO, stdio: 'inherit' });
const out = join(REPO, 'dist-store');
if (embedded.length) mkdirSync(join(out, 'webllm-libs'), { recursive: true });
for (const { pin, path } of embedded) copyFileSync(path, join(out, 'webllm-libs', pin.file));

console.log(`\nEmbedded ${embedded.length} of ${catalogued.length} catalogued WebLLM model libraries in dist-store/webllm-libs/.`);
if (leftOut.length) {
  console.log(`Left out ${leftOut.length} (not offered by this package; the CPU engine and custom models still work):`);
  for (const line of leftOut) console.log(`  - ${line}`);
}
try {
  execFileSync('zip', ['-qr', join(REPO, 'doppel-store.zip'), '.'], { cwd: out });
  console.log('Wrote doppel-store.zip.');
} catch {
  console.log('(`zip` not found: dist-store/ is the package; zip it to upload.)');
}
