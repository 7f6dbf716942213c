#!/usr/bin/env node
// `npm run persona -- …`: Node cannot run the TypeScript core directly, so this bundles the CLI
// entry with vite into node_modules/.cache and runs it.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';

const repo = resolve(import.meta.dirname, '..');
const outDir = resolve(repo, 'node_modules/.cache/doppel-cli');
await build({
  configFile: false,
  logLevel: 'silent',
  root: repo,
  build: {
    ssr: resolve(repo, 'src/entrypoints/cli/persona.ts'),
    outDir,
    emptyOutDir: true,
    target: 'node20',
    rollupOptions: { output: { entryFileNames: 'persona.mjs', format: 'es' } },
  },
});
const { runPersonaCli } = await import(pathToFileURL(resolve(outDir, 'persona.mjs')).href);
const { out, code } = runPersonaCli(process.argv.slice(2));
(code === 0 ? process.stdout : process.stderr).write(`${out}\n`);
process.exitCode = code;
