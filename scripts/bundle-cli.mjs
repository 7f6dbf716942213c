// Node cannot run TypeScript, so a CLI entry is bundled with vite first (a second or so), then
// imported. Each run bundles into its own folder, removed when the process exits: two commands
// started at once (a script building one persona per author in parallel) must not empty each
// other's bundle.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';

export const repo = resolve(import.meta.dirname, '..');
const DAY_MS = 24 * 3600 * 1000;

/** Bundles `entry` (relative to the repository) and imports it. */
export const importBundled = async (entry, name) => {
  // Inside node_modules, so the bundle's bare imports resolve to the repository's packages.
  const cache = resolve(repo, 'node_modules/.cache');
  mkdirSync(cache, { recursive: true });
  // A run that was killed left its folder: those older than a day go (a run with an engine takes minutes, not days).
  for (const old of readdirSync(cache).filter((f) => f.startsWith(`doppel-${name}-`))) {
    const path = resolve(cache, old);
    if (Date.now() - statSync(path).mtimeMs > DAY_MS) rmSync(path, { recursive: true, force: true });
  }
  const outDir = mkdtempSync(resolve(cache, `doppel-${name}-`));
  process.on('exit', () => rmSync(outDir, { recursive: true, force: true }));
  await build({
    configFile: false,
    root: repo,
    logLevel: 'silent',
    build: {
      ssr: resolve(repo, entry),
      outDir,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      rollupOptions: { output: { format: 'es', entryFileNames: `${name}.mjs` } },
    },
  });
  return import(pathToFileURL(resolve(outDir, `${name}.mjs`)).href);
};
