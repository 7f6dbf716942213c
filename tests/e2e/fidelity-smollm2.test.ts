import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { CHROMIUM, REPO } from './harness';
import { NetworkAudit } from './network-audit';
import { assertSmolLM2, RUN_SMOLLM2, smollm2Label } from '../real-model';

const runEval = (args: string[], env: Record<string, string>) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((done) => {
    const child = spawn(process.execPath, ['scripts/eval.mjs', ...args], { cwd: REPO, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (status) => done({ status, stdout, stderr }));
  });

/** A real person (tests/fixtures/real-people), cut to the newest 100 writings and reactions: 20 held out of each. */
const realPerson = (dir: string): string => {
  const full = JSON.parse(readFileSync(join(REPO, 'tests/fixtures/real-people/user1271772/export.json'), 'utf8'));
  const newest = <T,>(xs: T[], at: (x: T) => number) => [...xs].sort((a, b) => at(a) - at(b)).slice(-100);
  const file = join(dir, 'user1271772.json');
  writeFileSync(file, JSON.stringify({ ...full, writings: newest(full.writings, (w: { createdAt: number }) => w.createdAt), reactions: newest(full.reactions, (r: { at: number }) => r.at) }));
  return file;
};

test.skipIf(!RUN_SMOLLM2)(
  `a fidelity report with engine rows on SmolLM2, through the eval CLI's browser path, on a real person (${smollm2Label})`,
  async () => {
    const model = assertSmolLM2();
    const dir = mkdtempSync(join(tmpdir(), 'doppel-fidelity-'));
    const audit = new NetworkAudit();
    const port = await audit.startProxy();
    try {
      const { status, stdout, stderr } = await runEval([realPerson(dir), '--engine', model], { DOPPEL_PROXY: `http://127.0.0.1:${port}`, DOPPEL_CHROMIUM: CHROMIUM });
      expect(stderr).toContain('Running the fidelity report');
      expect(status).toBe(0);
      // Both arms of both engine tasks were predicted and scored, each metric with its interval.
      const rows = (task: string) => stdout.split('\n').filter((l) => new RegExp(`^${task}\\s+engine\\s+20\\s`).test(l));
      expect(rows('Draft a reply \\(style\\)')).toHaveLength(5);
      for (const row of rows('Draft a reply \\(style\\)')) expect(row.match(/\d+\.\d{3}/g)).toHaveLength(6);
      expect(rows('Predict the reaction')).toHaveLength(5);
      for (const row of rows('Predict the reaction')) expect(row.match(/\d+\.\d{3}/g)).toHaveLength(6);
      // The paired difference (persona − no persona) with its bootstrap interval, per metric.
      expect(stdout).toContain('Paired difference, with persona − without');
      expect(stdout).toMatch(/engine {2}Draft a reply {2}rougeL {2}n=20 {2}-?\d\.\d{3} \[-?\d\.\d{3}, -?\d\.\d{3}\]/);
      expect(stdout).toMatch(/engine {2}Predict the reaction {2}brier {2}n=20 {2}-?\d\.\d{3} \[-?\d\.\d{3}, -?\d\.\d{3}\]/);
      expect(stdout).toContain('Engine rows: the CPU engine (wllama)');
    } finally {
      await audit.stop();
      rmSync(dir, { recursive: true, force: true });
    }
    expect(audit.violations('http://127.0.0.1:0').map((v) => `${v.method} ${v.url}`)).toEqual([]);
  },
  // Forty drafts and forty 9-way scores on a 135M model on two cores.
  45 * 60_000,
);
