import { afterEach, beforeEach, expect, test } from 'vitest';
import { expectNoLeaks, HAS_MODEL, launchDoppel, MODEL_SKIP_REASON, type Doppel } from './harness';
import { addStoriesModel, allRecords, clickContextMenu, tabIdOf, tokenCount, waitCaptured } from './helpers';
import { ISSUE_4, jobById, jobIdIn, putRecords, sailingWritings, sumsToOne, unresolvedEvidence } from './task-helpers';

let doppel: Doppel;
beforeEach(async () => {
  doppel = await launchDoppel();
});
afterEach(async () => {
  await doppel.close();
});

const model = HAS_MODEL ? 'stories260K' : MODEL_SKIP_REASON;
const PARSE_CODES = ['empty', 'no_json', 'truncated', 'invalid_json', 'wrong_shape'];

test.skipIf(!HAS_MODEL)(`predict my reaction from the context menu: streams, option sets, evidence that resolves, the actual reaction recorded, last results in the popup (${model})`, async ({ skip }) => {
  await addStoriesModel(doppel);
  await putRecords(doppel, 'writings', sailingWritings(doppel.server.origin));
  const other = await doppel.context.newPage();
  await other.goto(doppel.server.url('article-two.html'));
  const article = await doppel.context.newPage();
  await article.goto(doppel.server.url('article-one.html'));
  await expect.poll(async () => (await allRecords(doppel, 'pages')).length).toBe(2);

  const panelOpened = doppel.context.waitForEvent('page', { predicate: (p) => p.url().includes('/panel/index.html') });
  await clickContextMenu(doppel, 'doppel-predict-reaction', article.url());
  const panel = await panelOpened;
  await panel.locator('[data-testid=job-phase][data-phase=done]').waitFor({ timeout: 60_000 });
  expect(await tokenCount(panel)).toBeGreaterThan(5);
  await panel.getByTestId('reaction-result').waitFor();
  const job = await jobById(doppel, await jobIdIn(panel));
  const result = job.result!;
  expect(result.kind).toBe('react');
  expect(job.evidence?.length).toBeGreaterThan(0);
  expect(await unresolvedEvidence(doppel, job)).toEqual([]);
  expect(result.cited!.every((id) => job.evidence!.some((e) => e.id === id))).toBe(true);
  // Either the structured answer parsed, or the UI shows a typed parse error (stories260K writes stories, not JSON).
  if (result.parseError) {
    expect(PARSE_CODES).toContain(result.parseError.code);
    await panel.locator(`[data-testid=parse-error][data-code=${result.parseError.code}]`).waitFor();
  } else await panel.getByTestId('reaction-thought').waitFor();

  // The user records what they actually did: ground truth.
  await panel.getByRole('button', { name: 'Skimmed' }).click();
  await panel.getByTestId('recorded').waitFor();
  // Told by the user (no measured value), unlike the reactions capture measures from the visit.
  const told = async () => (await allRecords<{ kind: string; url: string; value?: number }>(doppel, 'reactions')).filter((r) => r.value === undefined);
  await expect.poll(told).toEqual([expect.objectContaining({ kind: 'scroll', url: job.url })]);

  const popup = await doppel.page(`popup/index.html?tabId=${await tabIdOf(doppel, article.url())}`);
  await popup.locator(`[data-testid=last-result][data-job-id="${job.id}"]`).waitFor({ timeout: 10_000 });
  expectNoLeaks(doppel, ['Pentland Firth', 'starter had been sulking']);

  if (result.scoringError) {
    expect(result.scoringError.code).toBe('engine_unavailable');
    await panel.locator('[data-testid=scoring-error][data-code=engine_unavailable]').waitFor();
    skip(ISSUE_4);
  }
  expect(result.sets!.map((s) => s.key)).toEqual(['attention', 'stance', 'action']);
  for (const set of result.sets!) expect(sumsToOne(set.probabilities)).toBe(true);
  await panel.getByTestId('distribution-attention').waitFor();
});

test.skipIf(!HAS_MODEL)(`predict my reaction from the popup streams and stores a structured result (${model})`, async ({ skip }) => {
  await addStoriesModel(doppel);
  const article = await doppel.context.newPage();
  await article.goto(doppel.server.url('article-one.html'));
  await waitCaptured(doppel, article.url());
  const popup = await doppel.page(`popup/index.html?tabId=${await tabIdOf(doppel, article.url())}`);
  await popup.locator('[data-testid=page-status] [data-captured=true]').waitFor({ timeout: 10_000 });
  await popup.getByRole('button', { name: 'How would I react?' }).click();
  await popup.locator('[data-testid=job-phase][data-phase=done]').waitFor({ timeout: 60_000 });
  expect(await tokenCount(popup)).toBeGreaterThan(5);
  await popup.getByTestId('reaction-result').waitFor();
  const job = await jobById(doppel, await jobIdIn(popup));
  expect(job.result?.kind).toBe('react');
  expectNoLeaks(doppel, ['Pentland Firth']);
  if (job.result?.scoringError?.code === 'engine_unavailable') skip(ISSUE_4);
  for (const set of job.result!.sets!) expect(sumsToOne(set.probabilities)).toBe(true);
});

test.skipIf(!HAS_MODEL)(`interview in Options: answers stream, cite only evidence that resolves, and the guard says "I don't know" beyond it (${model})`, async () => {
  await addStoriesModel(doppel);
  await putRecords(doppel, 'writings', sailingWritings(doppel.server.origin));
  const options = await doppel.page('options/index.html#interview');
  await options.getByTestId('interview-input').fill('Do I like sailing my dinghy?');
  await options.getByRole('button', { name: 'Ask' }).click();
  const first = options.getByTestId('interview-turn').first();
  await first.locator('[data-testid=job-phase][data-phase=done]').waitFor({ timeout: 60_000 });
  expect(Number(await first.getByTestId('token-count').textContent())).toBeGreaterThan(5);
  await first.getByTestId('interview-answer').waitFor();
  const job = await jobById(doppel, await jobIdIn(first));
  expect(job.result?.kind).toBe('interview');
  expect(job.evidence!.map((e) => e.id)).toEqual(expect.arrayContaining(['writing-0', 'writing-1']));
  expect(job.evidence!.map((e) => e.id)).not.toContain('writing-3');
  expect(await unresolvedEvidence(doppel, job)).toEqual([]);
  if (job.result!.known) expect(job.result!.cited!.length).toBeGreaterThan(0);
  else expect(job.result!.parseError ? PARSE_CODES : ['known:false']).toContain(job.result!.parseError?.code ?? 'known:false');

  // Nothing Doppel has seen matches: answered by the guard, without the model.
  await options.getByTestId('interview-input').fill('What is my opinion of quantum chromodynamics?');
  await options.getByRole('button', { name: 'Ask' }).click();
  const second = options.getByTestId('interview-turn').nth(1);
  await second.locator('[data-testid=interview-answer][data-known=false]').waitFor({ timeout: 30_000 });
  expect(await second.getByTestId('interview-text').textContent()).toMatch(/^I don’t know\./);
  const guarded = await jobById(doppel, await jobIdIn(second));
  expect(guarded.tokens).toBe(0);
  expect(guarded.evidence).toEqual([]);
  expectNoLeaks(doppel, ['Sourdough attempt']);
});

test.skipIf(!HAS_MODEL)(`interview in the popup (${model})`, async () => {
  await addStoriesModel(doppel);
  await putRecords(doppel, 'writings', sailingWritings(doppel.server.origin));
  const article = await doppel.context.newPage();
  await article.goto(doppel.server.url('article-one.html'));
  await waitCaptured(doppel, article.url());
  const popup = await doppel.page(`popup/index.html?tabId=${await tabIdOf(doppel, article.url())}`);
  await popup.getByRole('button', { name: 'Interview my Doppel' }).click();
  await popup.getByTestId('interview-input').fill('What do I tell sailing beginners?');
  await popup.getByRole('button', { name: 'Ask' }).click();
  const turn = popup.getByTestId('interview-turn').first();
  await turn.locator('[data-testid=job-phase][data-phase=done]').waitFor({ timeout: 60_000 });
  await turn.getByTestId('interview-answer').waitFor();
  const job = await jobById(doppel, await jobIdIn(turn));
  expect(job.tokens).toBeGreaterThan(5);
  expect(await unresolvedEvidence(doppel, job)).toEqual([]);
  expectNoLeaks(doppel, ['Sourdough attempt']);
});

test.skipIf(!HAS_MODEL)(`survey in Options: a distribution with its expected value and a temperature control (${model})`, async ({ skip }) => {
  await addStoriesModel(doppel);
  await putRecords(doppel, 'writings', sailingWritings(doppel.server.origin));
  const options = await doppel.page('options/index.html#interview');
  await options.getByTestId('survey-input').fill('I enjoy spending time on the water.');
  await options.getByRole('button', { name: 'Answer as me' }).click();
  const form = options.getByTestId('survey-form');
  await form.locator('[data-testid=job-phase][data-phase=done]').waitFor({ timeout: 60_000 });
  await form.getByTestId('survey-result').waitFor();
  const job = await jobById(doppel, await jobIdIn(form));
  expect(job.result?.kind).toBe('survey');
  expect(job.tokens).toBeGreaterThan(0);
  expect(await unresolvedEvidence(doppel, job)).toEqual([]);
  expectNoLeaks(doppel, ['Sourdough attempt']);
  if (job.result!.scoringError) {
    expect(job.result!.scoringError.code).toBe('engine_unavailable');
    await form.locator('[data-testid=scoring-error][data-code=engine_unavailable]').waitFor();
    skip(ISSUE_4);
  }
  expect(sumsToOne(job.result!.probabilities!)).toBe(true);
  expect(job.result!.expected).toBeGreaterThanOrEqual(1);
  expect(job.result!.expected).toBeLessThanOrEqual(5);
  const before = await form.getByTestId('expected-value').textContent();
  await form.getByTestId('temperature').fill('0.1');
  await expect.poll(() => form.getByTestId('temperature-value').textContent()).toBe('0.10');
  const shown = await form.locator('[data-testid=distribution-answer] [data-probability]').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-probability'))));
  expect(sumsToOne(shown)).toBe(true);
  expect(before).not.toBeNull();
});
