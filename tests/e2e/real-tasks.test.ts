import { afterAll, beforeAll, expect, test } from 'vitest';
import { RUN_SMOLLM2, smollm2Label } from '../real-model';
import { expectNoLeaks, launchDoppel, type Doppel } from './harness';
import { allRecords, clickContextMenu, waitCaptured } from './helpers';
import { addSmolLM2, englishShare, longestCopiedRun, waitJobDone, wordsIn } from './real-helpers';
import { jobById, jobIdIn, putRecords, sailingWritings, sumsToOne, unresolvedEvidence } from './task-helpers';

// One browser and one loaded SmolLM2 for every case: loading the model is the slow part.
let doppel: Doppel;
beforeAll(async () => {
  if (!RUN_SMOLLM2) return;
  const t0 = Date.now();
  doppel = await launchDoppel();
  await addSmolLM2(doppel);
  console.log(`SmolLM2 added and loaded in ${Date.now() - t0} ms`);
  // Recent, so the retention sweep (which also removes jobs built from expired records) keeps them.
  await putRecords(doppel, 'writings', sailingWritings(doppel.server.origin).map((w, i) => ({ ...w, createdAt: Date.now() - i * 86_400_000 })));
}, 180_000);
afterAll(async () => {
  await doppel?.close();
});

// A real model on two shared cores: generous per-test time, no timing asserted.
const SLOW = 900_000;

const POST = 'Which dinghy would you recommend for a complete beginner on a small lake?';
const USER_WORDS = sailingWritings('').map((w) => wordsIn(w.text)).sort((a, b) => a - b)[2]!;

test.runIf(RUN_SMOLLM2)(`draft a reply on SmolLM2: context menu → panel → Insert; English, not a copy, near the user's length (${smollm2Label})`, async () => {
  const forum = await doppel.context.newPage();
  await forum.goto(doppel.server.url('reply-form.html'));
  await forum.locator('#reply-text').click();
  const panelOpened = doppel.context.waitForEvent('page', { predicate: (p) => p.url().includes('/panel/index.html') });
  await clickContextMenu(doppel, 'doppel-draft-reply', forum.url(), POST);
  const panel = await panelOpened;
  await waitJobDone(doppel, panel);
  const job = await jobById(doppel, await jobIdIn(panel));
  expect(job.result?.kind).toBe('draft');
  const draft = await panel.getByTestId('draft-text').inputValue();
  console.log(`SmolLM2 draft (${wordsIn(draft)} words, user typical ${USER_WORDS}): ${draft}`);
  expect(englishShare(draft)).toBeGreaterThan(0.15);
  // A reply, not talk about the task (measured: "The user would respond…") or an assistant's refusal ("I'm not capable…").
  expect(draft).not.toMatch(/\bthe user\b|as an ai|i['’]m (?:here to assist|not capable)/i);
  expect(draft).not.toMatch(/<\|im_(start|end)\|>|^\s*[{[]/);
  expect(longestCopiedRun(draft, POST)).toBeLessThan(8);
  expect(wordsIn(draft)).toBeGreaterThanOrEqual(Math.floor(0.3 * USER_WORDS));
  expect(wordsIn(draft)).toBeLessThanOrEqual(Math.ceil(3 * USER_WORDS));
  await panel.getByRole('button', { name: 'Insert' }).click();
  await panel.getByTestId('draft-status').getByText('Inserted').waitFor();
  await expect.poll(() => forum.locator('#reply-text').inputValue()).toBe(draft);
  await panel.close();
  expectNoLeaks(doppel, [POST]);
}, SLOW);

test.runIf(RUN_SMOLLM2)(`predict my reaction on SmolLM2: option log-probs for every set, evidence that resolves, no raw JSON shown (${smollm2Label})`, async () => {
  const article = await doppel.context.newPage();
  await article.goto(doppel.server.url('article-one.html'));
  await waitCaptured(doppel, article.url());
  const panelOpened = doppel.context.waitForEvent('page', { predicate: (p) => p.url().includes('/panel/index.html') });
  await clickContextMenu(doppel, 'doppel-predict-reaction', article.url());
  const panel = await panelOpened;
  await waitJobDone(doppel, panel);
  await panel.getByTestId('reaction-result').waitFor();
  const job = await jobById(doppel, await jobIdIn(panel));
  console.log(`SmolLM2 reaction: ${JSON.stringify(job.result)}`);
  expect(job.result?.kind).toBe('react');
  expect(job.result!.scoringError).toBeUndefined();
  expect(job.result!.sets!.map((s) => s.key)).toEqual(['attention', 'stance', 'action']);
  for (const set of job.result!.sets!) expect(sumsToOne(set.probabilities)).toBe(true);
  expect(await unresolvedEvidence(doppel, job)).toEqual([]);
  expect(await panel.locator('body').innerText()).not.toMatch(/\{\s*"/);
  await panel.close();
  await article.close();
  expectNoLeaks(doppel, ['Pentland Firth']);
}, SLOW);

const ask = async (question: string) => {
  const options = await doppel.page('options/index.html#interview');
  await options.getByTestId('interview-input').fill(question);
  await options.getByRole('button', { name: 'Ask' }).click();
  const turn = options.getByTestId('interview-turn').first();
  await turn.getByTestId('interview-answer').waitFor({ timeout: 840_000 });
  const job = await jobById(doppel, await jobIdIn(turn));
  console.log(`SmolLM2 interview "${question}" wrote: ${JSON.stringify({ output: job.output, result: job.result })}`);
  const shown = (await turn.getByTestId('interview-text').textContent({ timeout: 5_000 })) ?? '';
  const known = (await turn.getByTestId('interview-answer').getAttribute('data-known')) === 'true';
  console.log(`SmolLM2 interview "${question}": known=${known} ${shown} ${JSON.stringify(job.result)}`);
  await options.close();
  return { job, shown, known };
};

test.runIf(RUN_SMOLLM2)(`interview my Doppel on SmolLM2, the "don't know" case: records on the topic exist but none holds the answer (${smollm2Label})`, async () => {
  const { job, shown, known } = await ask('What is the name of my dinghy and what colour is its sail?');
  // Retrieval found sailing records, so the model (not the no-evidence guard) had to decide.
  expect(job.evidence!.length).toBeGreaterThan(0);
  expect(job.tokens).toBeGreaterThan(0);
  expect(known).toBe(false);
  expect(shown).toMatch(/don[’']t know/i);
  expectNoLeaks(doppel, ['Sourdough attempt']);
}, SLOW);

test.runIf(RUN_SMOLLM2)(`survey item on SmolLM2: a 1–5 distribution from option log-probs, its expected value, no raw JSON (${smollm2Label})`, async () => {
  const options = await doppel.page('options/index.html#interview');
  await options.getByTestId('survey-input').fill('I enjoy spending time on the water.');
  await options.getByRole('button', { name: 'Answer as me' }).click();
  const form = options.getByTestId('survey-form');
  await form.getByTestId('survey-result').waitFor({ timeout: 840_000 });
  await waitJobDone(doppel, form);
  const job = await jobById(doppel, await jobIdIn(form));
  console.log(`SmolLM2 survey: ${JSON.stringify(job.result)}`);
  expect(job.result?.kind).toBe('survey');
  expect(job.result!.scoringError).toBeUndefined();
  expect(sumsToOne(job.result!.probabilities!)).toBe(true);
  expect(job.result!.expected).toBeGreaterThanOrEqual(1);
  expect(job.result!.expected).toBeLessThanOrEqual(5);
  expect(await unresolvedEvidence(doppel, job)).toEqual([]);
  const records = await allRecords(doppel, 'jobs');
  expect(records.length).toBeGreaterThan(0);
  await options.close();
  expectNoLeaks(doppel, ['Sourdough attempt']);
}, SLOW);
