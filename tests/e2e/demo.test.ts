import { afterEach, beforeEach, expect, test } from 'vitest';
import { expectNoLeaks, HAS_MODEL, launchDoppel, MODEL_SKIP_REASON, type Doppel } from './harness';
import { addStoriesModel, allRecords, clickContextMenu, tokenCount, waitCaptured } from './helpers';
import { jobById, jobIdIn, sumsToOne, unresolvedEvidence } from './task-helpers';

let doppel: Doppel;
beforeEach(async () => {
  doppel = await launchDoppel();
});
afterEach(async () => {
  await doppel.close();
});

const demoCount = async (d: Doppel) => {
  let n = 0;
  for (const store of ['pages', 'writings', 'reactions']) n += (await allRecords<{ demo?: boolean }>(d, store)).filter((r) => r.demo).length;
  return n;
};

test.skipIf(!HAS_MODEL)(`install → onboarding → load demo → persona, draft and reaction on the demo → remove demo leaves the user's own records (${HAS_MODEL ? 'stories260K' : MODEL_SKIP_REASON})`, async () => {
  // The user's own record, captured before the demo is loaded.
  const own = await doppel.context.newPage();
  await own.goto(doppel.server.url('article-two.html'));
  await waitCaptured(doppel, own.url());

  const onboarding = doppel.context.pages().find((p) => p.url().endsWith('/onboarding/index.html')) ?? (await doppel.page('onboarding/index.html'));
  await onboarding.getByRole('heading', { name: 'Welcome to Doppel' }).waitFor();
  await onboarding.getByRole('button', { name: 'Load the demo' }).click();
  await onboarding.locator('[data-testid=demo-controls][data-loaded=true]').waitFor();
  expect(await demoCount(doppel)).toBeGreaterThan(100);

  const history = await doppel.page('options/index.html#history');
  await history.getByText('Protected bike lanes cut injuries by a third, city report finds').waitFor();
  expect(await history.locator('.badge.demo').count()).toBe(16);

  await addStoriesModel(doppel);

  // The persona page, built from the demo: claims whose evidence is demo records, marked as demo.
  const persona = await doppel.page('options/index.html#persona');
  await persona.getByTestId('rebuild-persona').click();
  const rebuildDone = async () => (await allRecords<{ id: string; status: string }>(doppel, 'pipelines')).find((p) => p.id === 'persona-rebuild')?.status;
  await expect.poll(rebuildDone, { timeout: 90_000, interval: 500 }).toBe('done');
  const [doc] = await allRecords<{ claims: { evidence: string[] }[]; interests: { evidence: string[] }[] }>(doppel, 'personas');
  const cited = [...doc!.claims, ...doc!.interests].flatMap((c) => c.evidence);
  expect(cited.length).toBeGreaterThan(0);
  expect(cited.some((id) => id.startsWith('demo-'))).toBe(true);

  // A draft in the demo person's style.
  const panelOpened = doppel.context.waitForEvent('page', { predicate: (p) => p.url().includes('/panel/index.html') });
  await clickContextMenu(doppel, 'doppel-draft-reply', own.url(), 'Bike lanes are empty, nobody uses them.');
  const panel = await panelOpened;
  await panel.locator('[data-testid=job-phase][data-phase=done]').waitFor({ timeout: 60_000 });
  expect(await tokenCount(panel)).toBeGreaterThan(5);
  // The draft says how much it sounds like the (demo) user, from the style card.
  const score = Number(await panel.getByTestId('style-match').getAttribute('data-score'));
  expect(score).toBeGreaterThan(0);
  expect(score).toBeLessThanOrEqual(1);
  const draftJob = await jobById(doppel, await jobIdIn(panel));
  expect(draftJob.evidence!.some((e) => e.id.startsWith('demo-writing-'))).toBe(true);

  // A reaction prediction: option probabilities, evidence from the demo that resolves.
  const reactionOpened = doppel.context.waitForEvent('page', { predicate: (p) => p.url().includes('/panel/index.html') && p !== panel });
  await clickContextMenu(doppel, 'doppel-predict-reaction', own.url(), 'The council will vote on extending the protected bike lanes to the river district.');
  const reaction = await reactionOpened;
  await reaction.getByTestId('reaction-result').waitFor({ timeout: 90_000 });
  const reactJob = await jobById(doppel, await jobIdIn(reaction));
  expect(reactJob.result!.kind).toBe('react');
  for (const set of reactJob.result!.sets!) expect(sumsToOne(set.probabilities)).toBe(true);
  expect(await unresolvedEvidence(doppel, reactJob)).toEqual([]);

  await onboarding.bringToFront();
  await onboarding.reload();
  await onboarding.getByRole('button', { name: 'Remove the demo' }).click();
  await onboarding.locator('[data-testid=demo-controls][data-loaded=false]').waitFor();
  expect(await demoCount(doppel)).toBe(0);
  // Nothing the persona says rests on the demo any more.
  const [after] = await allRecords<{ claims: { evidence: string[] }[]; interests: { evidence: string[] }[] }>(doppel, 'personas');
  expect([...after!.claims, ...after!.interests].flatMap((c) => c.evidence).filter((id) => id.startsWith('demo-'))).toEqual([]);
  const pages = await allRecords<{ title: string }>(doppel, 'pages');
  expect(pages.map((p) => p.title)).toEqual(['A slow afternoon with sourdough']);
  expectNoLeaks(doppel, ['starter had been sulking', 'Bike lanes are empty', 'extending the protected bike lanes']);
});
