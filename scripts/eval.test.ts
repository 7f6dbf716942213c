import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';

const repo = resolve(import.meta.dirname, '..');
const run = (...args: string[]) => spawnSync(process.execPath, [resolve(repo, 'scripts/eval.mjs'), ...args], { cwd: repo, encoding: 'utf8', timeout: 60_000 });
const metricRow = (stdout: string, task: string, metric: string) => stdout.split('\n').find((l) => l.startsWith(task) && l.includes(metric));
const values = (row: string | undefined) => (row?.match(/\d+\.\d{3}/g) ?? []).map(Number);

test('npm run eval prints the fidelity table for the fixture export', () => {
  const { status, stdout, stderr } = run('tests/fixtures/fidelity-export.json');
  expect(stderr).not.toMatch(/error/i);
  expect(status).toBe(0);
  expect(stdout).toContain('24 of 120 writings, 24 of 120 reactions');
  expect(stdout).toMatch(/^Task\s+Predictor\s+n\s+Metric\s+Persona \[95% CI\]\s+Baseline \[95% CI\]/m);
  for (const metric of ['ROUGE-1 F1', 'ROUGE-L F1', 'Length ratio', 'Char 3-gram cosine', 'Function-word cosine']) {
    // value [low, high] for persona, then baseline
    expect(values(metricRow(stdout, 'Draft a reply (style)', metric))).toHaveLength(6);
  }
  const top1 = values(metricRow(stdout, 'Predict the reaction', 'Top-1 accuracy'));
  expect(top1[3]).toBe(0.111); // uniform over 9 options
  expect(top1[1]).toBeLessThanOrEqual(top1[0]!);
  expect(top1[2]).toBeGreaterThanOrEqual(top1[0]!);
  expect(values(metricRow(stdout, 'Predict the reaction', 'NLL'))[3]).toBe(2.197); // ln 9
  expect(metricRow(stdout, 'Predict scroll depth', 'history-frequency')).toContain('not enough data yet');
  expect(stdout).toMatch(/Calibration \(history-frequency\): temperature \d+\.\d{3}/);
  expect(stdout).toContain('3 of 5 claims resolve and are supported = 0.600');
  expect(stdout).toContain('Big Five stability (SD over runs): E 3.10 ± 0.20 (5 runs)');
});

test('a file that is not an export fails with a sentence', () => {
  const { status, stderr } = run('package.json');
  expect(status).toBe(1);
  expect(stderr).toContain('This is not a Doppel export');
  expect(run().status).toBe(2);
});
