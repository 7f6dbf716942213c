#!/usr/bin/env node
// `npm start`: install if needed, build, and open Chromium/Chrome with Doppel loaded in a fresh
// profile, on its options page (`npm start -- --demo`: on the welcome page, with the demo loaded).
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { packageStarter, startPage, starter, unpackageStarter } from './start-setup.mjs';

const repo = resolve(import.meta.dirname, '..');
const dist = join(repo, 'dist');
const run = (cmd, args) => {
  const result = spawnSync(cmd, args, { cwd: repo, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

if (!existsSync(join(repo, 'node_modules', '.package-lock.json'))) run('npm', ['ci', '--no-audit', '--no-fund']);
run('npm', ['run', 'build']);
// The starter model (SmolLM2-135M-Instruct) when it is missing; Doppel still starts without it.
if (spawnSync('node', [join(repo, 'scripts', 'models.mjs'), '--quiet'], { cwd: repo, stdio: 'inherit' }).status !== 0) console.error('Starting without the starter model.');

const candidates = [process.env.DOPPEL_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'].filter(Boolean);
const browser = candidates.find((path) => existsSync(path));
if (!browser) {
  console.error('No Chromium or Chrome found. Install one (Debian: apt-get install chromium), or set DOPPEL_CHROMIUM to its path.\nOr load dist/ by hand: chrome://extensions → Developer mode → Load unpacked → choose dist/.');
  process.exit(1);
}

// Chrome names an unpacked extension after its folder: sha256 of the path, hex digits mapped to a–p.
const extensionId = [...createHash('sha256').update(dist).digest('hex').slice(0, 32)].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
const profile = mkdtempSync(join(tmpdir(), 'doppel-profile-'));
const headless = process.env.DOPPEL_HEADLESS === '1';
// `npm start -- --demo` opens Doppel with the fictional demo history loaded and the starter model
// installed from the build's own files.
const demo = process.argv.includes('--demo');
if (demo && !packageStarter(dist)) console.error(`The demo starts without ${starter.name}: run \`npm run models\`, or add a model in Options → Model.`);
const args = [
  `--user-data-dir=${profile}`,
  `--disable-extensions-except=${dist}`,
  `--load-extension=${dist}`,
  '--no-first-run',
  '--no-default-browser-check',
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  ...(headless ? ['--headless', '--remote-debugging-port=0'] : []),
  startPage(extensionId, demo),
];
console.log(`Starting ${browser} with Doppel (${extensionId}) in a fresh profile: ${profile}`);
const child = spawn(browser, args, { stdio: 'inherit' });
child.on('exit', (code) => {
  if (demo) unpackageStarter(dist);
  process.exit(code ?? 0);
});
