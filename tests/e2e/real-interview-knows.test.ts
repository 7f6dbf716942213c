import { afterAll, beforeAll, expect, test } from 'vitest';
import { RUN_SMOLLM2, smollm2Label } from '../real-model';
import { expectNoLeaks, launchDoppel, type Doppel } from './harness';
import { addSmolLM2, englishShare } from './real-helpers';
import { jobById, jobIdIn, putRecords, sailingWritings, unresolvedEvidence } from './task-helpers';

// NOT in `npm test`: measured on 2026-12-02, SmolLM2-135M-Instruct does not answer from the records
// (four seeds, generic sailing advice every time; docs/small-models.md), so Doppel rightly says it does
// not know and this test fails. It stays runnable (`npm run test:real`) for a model that can.
let doppel: Doppel;
beforeAll(async () => {
  if (!RUN_SMOLLM2) return;
  doppel = await launchDoppel();
  await addSmolLM2(doppel);
  await putRecords(doppel, 'writings', sailingWritings(doppel.server.origin).map((w, i) => ({ ...w, createdAt: Date.now() - i * 86_400_000 })));
}, 180_000);
afterAll(async () => {
  await doppel?.close();
});

test.runIf(RUN_SMOLLM2)(`interview my Doppel on SmolLM2, the "knows" case: answers from the records that say it and cites them (${smollm2Label})`, async () => {
  const options = await doppel.page('options/index.html#interview');
  await options.getByTestId('interview-input').fill('What advice do I give beginners who want to start sailing?');
  await options.getByRole('button', { name: 'Ask' }).click();
  const turn = options.getByTestId('interview-turn').first();
  await turn.getByTestId('interview-answer').waitFor({ timeout: 840_000 });
  const job = await jobById(doppel, await jobIdIn(turn));
  console.log(`SmolLM2 interview wrote: ${JSON.stringify({ output: job.output, result: job.result })}`);
  expect((await turn.getByTestId('interview-answer').getAttribute('data-known')) === 'true').toBe(true);
  expect(englishShare((await turn.getByTestId('interview-text').textContent()) ?? '')).toBeGreaterThan(0.15);
  expect(job.result!.cited).toContain('writing-1');
  expect(await unresolvedEvidence(doppel, job)).toEqual([]);
  expectNoLeaks(doppel, ['Sourdough attempt']);
}, 900_000);
