// What `npm start -- --demo` does to the build before opening the browser, on its own so a headless
// test can run exactly this set-up: the verified starter model becomes a packaged file of this build
// only (dist/ is rebuilt on every start; the file is removed when the browser closes), so the demo
// installs it from the extension's own files with no download.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '..');
export const starter = JSON.parse(readFileSync(join(repo, 'models', 'starter.json'), 'utf8'));
export const starterSource = join(repo, '.models', starter.file);

/** Copies the starter model into `dist`; returns the packaged path, or null when the model is missing. */
export const packageStarter = (dist) => {
  if (!existsSync(starterSource)) return null;
  const target = join(dist, starter.packaged);
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(starterSource, target);
  return target;
};

export const unpackageStarter = (dist) => rmSync(join(dist, dirname(starter.packaged)), { recursive: true, force: true });

/** The page `npm start` opens: the welcome page with the demo, or Options. */
export const startPage = (extensionId, demo) =>
  demo ? `chrome-extension://${extensionId}/onboarding/index.html?demo=1` : `chrome-extension://${extensionId}/options/index.html`;
