import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from 'vitest';

const REPO = resolve(import.meta.dirname, '../..');
const read = (path: string) => readFileSync(join(REPO, path), 'utf8');
const sources = (dir: string, out: string[] = []): string[] => {
  for (const name of readdirSync(join(REPO, dir))) {
    const path = join(dir, name);
    if (statSync(join(REPO, path)).isDirectory()) sources(path, out);
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(path);
  }
  return out;
};

test('README names every address the manifest lets extension pages connect to', () => {
  const csp: string = JSON.parse(read('manifest.json')).content_security_policy.extension_pages;
  const connect = csp.split(';').map((d) => d.trim().split(/\s+/)).find(([n]) => n === 'connect-src')!.slice(1);
  const network = read('README.md').split('- **What goes over the network**')[1]!.split('\n- **')[0]!;
  const missing = connect.filter((source) => !["'self'", 'blob:', 'data:'].includes(source)).filter((source) => !network.includes(source.replace(/^https:\/\//, '')));
  expect(missing).toEqual([]);
});

test('docs/engine.md does not present an engine nothing uses as one Doppel runs', () => {
  const doc = read('docs/engine.md');
  if (!/Prompt API/.test(doc)) return;
  const used = sources('src').some((file) => !file.endsWith('builtin-engine.ts') && /builtin-engine/.test(read(file)));
  if (!used) expect(doc).toMatch(/Prompt API[\s\S]{0,400}(no surface uses it|was removed)/);
});
