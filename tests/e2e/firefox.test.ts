import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { REPO } from './harness';

const DIST_FIREFOX = join(REPO, 'dist-firefox');

test('npm run build:firefox makes a Firefox build whose background page hosts the engine, and web-ext lint passes on it', () => {
  execFileSync('npm', ['run', 'build:firefox'], { cwd: REPO, stdio: 'pipe' });
  const manifest = JSON.parse(readFileSync(join(DIST_FIREFOX, 'manifest.json'), 'utf8'));
  expect(manifest.background).toEqual({ scripts: ['background.js'], type: 'module' });
  expect(manifest.permissions).not.toContain('offscreen');
  // The side panel is Firefox's sidebar, on the same page; Chrome's sidePanel keys are gone.
  expect(manifest.sidebar_action.default_panel).toBe('panel/index.html');
  expect(manifest.permissions).not.toContain('sidePanel');
  expect(manifest.side_panel).toBeUndefined();
  expect(manifest.browser_specific_settings.gecko.id).toMatch(/@/);
  // The Firefox background carries the engine host (Chrome's keeps it in the offscreen document).
  const background = readFileSync(join(DIST_FIREFOX, 'background.js'), 'utf8');
  expect(background).toMatch(/start-engine-host|startEngineHost|doppel:generate/);
  // wllama's worker is a packaged file (Firefox's extension CSP refuses blob: workers).
  expect(readFileSync(join(DIST_FIREFOX, 'wllama-worker.js'), 'utf8')).toMatch(/const RUN_OPTIONS = JSON\.parse\(self\.name\)/);
  const scripts = readdirSync(join(DIST_FIREFOX, 'assets')).filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(DIST_FIREFOX, 'assets', f), 'utf8'));
  expect(scripts.some((code) => code.includes('new Worker(`/wllama-worker.js`') || code.includes('new Worker("/wllama-worker.js"'))).toBe(true);
  const report = JSON.parse(
    execFileSync(join(REPO, 'node_modules/.bin/web-ext'), ['lint', '--source-dir', DIST_FIREFOX, '--output', 'json', '--no-config-discovery'], { cwd: REPO, encoding: 'utf8' }),
  ) as { summary: { errors: number }; errors: { code: string; message: string }[] };
  expect(report.errors.map((e) => `${e.code}: ${e.message}`)).toEqual([]);
  expect(report.summary.errors).toBe(0);
});
