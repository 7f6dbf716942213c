#!/usr/bin/env node
// `npm run eval -- <export.json>`: Node cannot run TypeScript, so the CLI entry is bundled with vite
// into node_modules/.cache first (a second or so), then run.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';

const repo = resolve(import.meta.dirname, '..');
const outDir = resolve(repo, 'node_modules/.cache/doppel-eval');
await build({
  configFile: false,
  root: repo,
  logLevel: 'silent',
  build: {
    ssr: resolve(repo, 'src/entrypoints/cli/eval.ts'),
    outDir,
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rollupOptions: { output: { format: 'es', entryFileNames: 'eval.mjs' } },
  },
});
const { main } = await import(pathToFileURL(resolve(outDir, 'eval.mjs')).href);
process.exitCode = await main(process.argv.slice(2), { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s), repo });
