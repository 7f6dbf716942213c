import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Script } from 'node:vm';
import { expect, test } from 'vitest';
import { WLLAMA_WORKER_FILE, wllamaWorkerFile } from './wllama-worker-plugin';

const WORKER_TS = resolve(import.meta.dirname, '../node_modules/@wllama/wllama/src/worker.ts');

test("wllama's blob: worker becomes a packaged file with the same code, its options passed in the worker's name", () => {
  const plugin = wllamaWorkerFile();
  const transform = plugin.transform as (this: unknown, code: string, id: string) => { code: string } | null;
  const emitted: { fileName: string; source: string }[] = [];
  const context = { error: (message: string) => { throw new Error(message); }, emitFile: (file: { fileName: string; source: string }) => emitted.push(file) };
  const out = transform.call(context, readFileSync(WORKER_TS, 'utf8'), WORKER_TS)!;
  expect(out.code).toContain(`new Worker("/${WLLAMA_WORKER_FILE}"`);
  expect(out.code).not.toContain('this.worker = createWorker(completeCode);');
  (plugin.generateBundle as (this: unknown) => void).call(context);
  expect(emitted.map((f) => f.fileName)).toEqual([WLLAMA_WORKER_FILE]);
  const source = emitted[0]!.source;
  expect(source.startsWith('const RUN_OPTIONS = JSON.parse(self.name)')).toBe(true);
  expect(source).toContain('function wModuleInit()');
  expect(source).toContain('var ___Module');
  expect(source).toContain("verb === 'module.init'");
  // It parses as a script (a module worker accepts any valid script).
  expect(() => new Script(source)).not.toThrow();
  // Other files pass through untouched.
  expect(transform.call(context, 'x', '/src/other.ts')).toBeNull();
});
