import { afterAll, beforeAll, expect, test } from 'vitest';
import { RUN_SMOLLM2, smollm2Label } from '../real-model';
import { expectNoLeaks, launchDoppel, type Doppel } from './harness';
import { addSmolLM2, englishShare } from './real-helpers';
import { jobById, jobIdIn, putRecords, sailingWritings, unresolvedEvidence } from './task-helpers';

// The interview on SmolLM2 when the records do hold the answer. The model itself gives generic advice
// (measured, docs/small-models.md); Doppel answers from the record that says what was asked, and cites it.
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

const SLOW = 900_000;

const ask = async (question: string) => {
  const options = await doppel.page('options/index.html#interview');
  await options.getByTestId('interview-input').fill(question);
  await options.getByRole('button', { name: 'Ask' }).click();
  const turn = options.getByTestId('interview-turn').first();
  await turn.getByTestId('interview-answer').waitFor({ timeout: 840_000 });
  const job = await jobById(doppel, await jobIdIn(turn));
  console.log(`SmolLM2 interview "${question}" wrote: ${JSON.stringify({ output: job.output, result: job.result })}`);
  const known = (await turn.getByTestId('interview-answer').getAttribute('data-known')) === 'true';
  const shown = (await turn.getByTestId('interview-text').textContent()) ?? '';
  await options.close();
  return { job, known, shown };
};

test.runIf(RUN_SMOLLM2)(`interview my Doppel on SmolLM2, the "knows" case: answers from the record that says it and cites it (${smollm2Label})`, async () => {
  const { job, known, shown } = await ask('What advice do I give beginners who want to start sailing?');
  expect(known).toBe(true);
  expect(englishShare(shown)).toBeGreaterThan(0.15);
  expect(shown).toMatch(/capsize/i);
  expect(job.result!.cited).toContain('writing-1');
  expect(await unresolvedEvidence(doppel, job)).toEqual([]);
  expectNoLeaks(doppel, ['Sourdough attempt']);
}, SLOW);

test.runIf(RUN_SMOLLM2)(`interview my Doppel on SmolLM2, another "knows" question: how often, answered from the record that says "every evening" (${smollm2Label})`, async () => {
  const { job, known, shown } = await ask('How often do I go sailing on the lake?');
  expect(known).toBe(true);
  expect(shown).toMatch(/every evening/i);
  expect(job.result!.cited).toEqual(['writing-0']);
  expect(await unresolvedEvidence(doppel, job)).toEqual([]);
}, SLOW);

test.runIf(RUN_SMOLLM2)(`interview my Doppel on SmolLM2: a record on the topic that does not hold what was asked (an amount) is not an answer (${smollm2Label})`, async () => {
  const { job, known, shown } = await ask('How much are the mooring fees at my club?');
  // Retrieval found the fees record, so the model answered and the check decided.
  expect(job.evidence!.map((e) => e.id)).toContain('writing-2');
  expect(job.tokens).toBeGreaterThan(0);
  expect(known).toBe(false);
  expect(shown).toMatch(/don[’']t know/i);
}, SLOW);
