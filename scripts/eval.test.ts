import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from 'vitest';

const repo = resolve(import.meta.dirname, '..');
const run = (...args: string[]) => spawnSync(process.execPath, [resolve(repo, 'scripts/eval.mjs'), ...args], { cwd: repo, encoding: 'utf8', timeout: 180_000 });
const metricRow = (stdout: string, task: string, metric: string, predictor = '') => stdout.split('\n').find((l) => l.startsWith(task) && l.includes(metric) && l.includes(predictor));
const values = (row: string | undefined) => (row?.match(/[+-]?\d+\.\d{3}/g) ?? []).map(Number);
const tmp = () => mkdtempSync(join(tmpdir(), 'doppel-eval-'));
const fixture = JSON.parse(readFileSync(join(repo, 'tests/fixtures/fidelity-export.json'), 'utf8'));

test('npm run eval prints the fidelity table with paired differences for the fixture export', () => {
  const { status, stdout, stderr } = run('tests/fixtures/fidelity-export.json');
  expect(stderr).not.toMatch(/error/i);
  expect(status).toBe(0);
  expect(stdout).toContain('Rolling origin: each of the newest 60 of 120 writings and 60 of 120 reactions is predicted from only the records before it (at least 10).');
  expect(stdout).toMatch(/^Task\s+Predictor\s+n\s+Metric\s+Persona \[95% CI\]\s+Baseline \[95% CI\]\s+Persona − baseline \[paired 95% CI\]/m);
  for (const predictor of ['style-match', 'history-only', 'persona-only']) {
    for (const metric of ['ROUGE-1 F1', 'ROUGE-L F1', 'Length ratio', 'Char 3-gram cosine', 'Function-word cosine']) {
      // value [low, high] for persona, baseline, and the paired difference
      expect(values(metricRow(stdout, 'Draft a reply (style)', metric, predictor))).toHaveLength(9);
    }
  }
  const top1 = values(metricRow(stdout, 'Predict the reaction', 'Top-1 accuracy'));
  expect(top1[3]).toBe(0.111); // uniform over 9 options
  expect(top1[6]).toBeCloseTo(top1[0]! - top1[3]!, 2);
  expect(top1[7]).toBeLessThanOrEqual(top1[6]!);
  expect(values(metricRow(stdout, 'Predict the reaction', 'NLL'))[3]).toBe(2.197); // ln 9
  expect(stdout).toMatch(/Calibration \(history-frequency\): temperature \d+\.\d{3}/);
  expect(stdout).toContain('3 of 5 claims resolve and are supported = 0.600');
  expect(stdout).toContain('Big Five stability (SD over runs): E 3.10 ± 0.20 (5 runs)');
}, 240_000);

test('a 40-writing export: 30 writings scored (≥ 20) with paired differences; 25 writings: says 5 more are needed', () => {
  const dir = tmp();
  const cut = (n: number) => {
    const file = join(dir, `export-${n}.json`);
    const by = <T>(xs: T[], at: (x: T) => number) => [...xs].sort((a, b) => at(a) - at(b)).slice(0, n);
    writeFileSync(file, JSON.stringify({ ...fixture, writings: by(fixture.writings, (w: { createdAt: number }) => w.createdAt), reactions: by(fixture.reactions, (r: { at: number }) => r.at) }));
    return file;
  };
  const forty = run(cut(40));
  expect(forty.status).toBe(0);
  const row = metricRow(forty.stdout, 'Draft a reply (style)', 'ROUGE-1 F1', 'style-match')!;
  expect(row.split(/\s{2,}/)[2]).toBe('30');
  expect(values(row)).toHaveLength(9);
  const few = run(cut(25));
  expect(few.status).toBe(0);
  expect(few.stdout).toContain('Not enough data yet: you have 25 writings; 30 are needed (each of the newest 20 is predicted from at least 10 before it). About 5 more and it can be measured.');
}, 240_000);

test('ISO dates are read as dates: the same writings with epoch or ISO createdAt give the same report', () => {
  const dir = tmp();
  const iso = { ...fixture, writings: fixture.writings.map((w: { createdAt: number }) => ({ ...w, createdAt: new Date(w.createdAt).toISOString() })) };
  writeFileSync(join(dir, 'iso.json'), JSON.stringify(iso));
  const a = run('tests/fixtures/fidelity-export.json', '--json');
  const b = run(join(dir, 'iso.json'), '--json');
  expect(b.status).toBe(0);
  const strip = (s: string) => ({ ...JSON.parse(s), id: '', createdAt: 0, updatedAt: 0 });
  expect(strip(b.stdout)).toEqual(strip(a.stdout));
}, 240_000);

test('a file that is not an export, or a bad record, fails with sentences', () => {
  const { status, stderr } = run('package.json');
  expect(status).toBe(1);
  expect(stderr).toContain('This is not a Doppel export');
  expect(run().status).toBe(2);
  const dir = tmp();
  const bad = { ...fixture, writings: fixture.writings.map((w: object, i: number) => (i === 3 ? { ...w, text: null } : i === 5 ? { ...w, createdAt: 'last week' } : w)) };
  writeFileSync(join(dir, 'bad.json'), JSON.stringify(bad));
  const out = run(join(dir, 'bad.json'));
  expect(out.status).toBe(1);
  expect(out.stderr).toContain('Writing 3 (writings[3]): "text" must be text, but it is null.');
  expect(out.stderr).toContain('Writing 5 (writings[5]): "createdAt" must be a date');
  expect(out.stderr).not.toMatch(/at .*\.(ts|mjs):\d+/);
}, 240_000);
