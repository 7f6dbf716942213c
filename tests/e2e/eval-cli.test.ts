import { spawn } from 'node:child_process';
import { expect, test } from 'vitest';
import { CHROMIUM, HAS_MODEL, MODEL_SKIP_REASON, REPO, STORIES_MODEL } from './harness';
import { NetworkAudit } from './network-audit';

const runEval = (args: string[], env: Record<string, string>) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((done) => {
    const child = spawn(process.execPath, ['scripts/eval.mjs', ...args], { cwd: REPO, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (status) => done({ status, stdout, stderr }));
  });

test.skipIf(!HAS_MODEL)(`npm run eval --engine --judge runs the CPU engine in headless Chromium and prints its rows and the pairwise judge (${HAS_MODEL ? 'stories260K' : MODEL_SKIP_REASON})`, async () => {
  // The CLI's browser sends every request through this proxy: it must see none.
  const audit = new NetworkAudit();
  const port = await audit.startProxy();
  try {
    const { status, stdout, stderr } = await runEval(['tests/fixtures/fidelity-export.json', '--engine', STORIES_MODEL, '--items', '20', '--judge'], { DOPPEL_PROXY: `http://127.0.0.1:${port}`, DOPPEL_CHROMIUM: CHROMIUM, DOPPEL_EVAL_PROGRESS_MS: '1000' });
    expect(stderr).toContain('Running the fidelity report');
    // A long run is not a silent one: the report's own progress line, logged while it runs.
    expect(stderr).toMatch(/^\d+ min: Running: \d+ of \d+/m);
    expect(status).toBe(0);
    const engineRows = stdout.split('\n').filter((l) => /^Draft a reply \(style\)\s+engine\s+20\s/.test(l));
    expect(engineRows).toHaveLength(6);
    // Persona and baseline with their intervals, and the paired difference with its interval (the
    // geometric-mean length ratio has none: the length ratio row's difference is of |log ratio| already).
    for (const row of engineRows) expect(row.match(/-?\d+\.\d{3}/g), row).toHaveLength(/geometric mean/.test(row) ? 6 : 9);
    expect(stdout).toMatch(/^Predict the reaction\s+engine\s+20\s+—\s+(unavailable|not enough data yet)|^Predict the reaction\s+engine\s+20\s+Top-1 accuracy/m);
    // --items 20: every predictor of the browser run scores the newest 20 items per task (Options → Fidelity: 30).
    expect(stdout).toMatch(/^Predict the reaction\s+history-frequency\s+20\s+Top-1 accuracy\s+\d\.\d{3}/m);
    expect(stdout).toContain('Engine rows: the CPU engine (wllama)');
    // --judge: the engine judged its own drafts, both comparisons over the 20 items, each a mean with its interval.
    expect(stdout).toContain('Pairwise judge (engine, on engine drafts), mean P(preferred), 0.5 = no preference:');
    expect(stdout).toMatch(/^  the persona draft preferred over the no-persona draft: \d\.\d{3} \[\d\.\d{3}, \d\.\d{3}\]( \*)? \(preferred in \d+ of 20 items\)$/m);
    expect(stdout).toMatch(/^  judge check: your real reply preferred over the no-persona draft: \d\.\d{3} \[\d\.\d{3}, \d\.\d{3}\]( \*)? \(preferred in \d+ of 20 items\)$/m);
  } finally {
    await audit.stop();
  }
  expect(audit.violations('http://127.0.0.1:0').map((v) => `${v.method} ${v.url}`)).toEqual([]);
}, 600_000);
