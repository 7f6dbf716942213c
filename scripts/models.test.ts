import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { HAS_SMOLLM2, SMOLLM2_MODEL } from '../tests/real-model';

const repo = resolve(import.meta.dirname, '..');

test('the committed SmolLM2 hash is a sha256 for the file the models script keeps', () => {
  const [hash, file] = readFileSync(resolve(repo, 'models/smollm2.sha256'), 'utf8').trim().split(/\s+/);
  expect(hash).toMatch(/^[0-9a-f]{64}$/);
  expect(SMOLLM2_MODEL.endsWith(file!)).toBe(true);
});

test.skipIf(!HAS_SMOLLM2)('`npm run models` finds the model in place and verifies it without downloading', () => {
  const out = execFileSync('node', ['scripts/models.mjs'], { cwd: repo, encoding: 'utf8' });
  expect(out).toMatch(/in place and verified/);
});
