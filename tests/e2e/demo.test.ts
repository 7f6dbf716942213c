import { afterEach, beforeEach, expect, test } from 'vitest';
import { expectNoLeaks, HAS_MODEL, launchDoppel, MODEL_SKIP_REASON, type Doppel } from './harness';
import { addStoriesModel, allRecords, clickContextMenu, tokenCount } from './helpers';

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

test.skipIf(!HAS_MODEL)(`install → onboarding → load demo → draft on the demo → remove demo leaves the user's own records (${HAS_MODEL ? 'stories260K' : MODEL_SKIP_REASON})`, async () => {
  // The user's own record, captured before the demo is loaded.
  const own = await doppel.context.newPage();
  await own.goto(doppel.server.url('article-two.html'));
  await expect.poll(async () => (await allRecords(doppel, 'pages')).length, { timeout: 15_000 }).toBe(1);

  const onboarding = doppel.context.pages().find((p) => p.url().endsWith('/onboarding/index.html')) ?? (await doppel.page('onboarding/index.html'));
  await onboarding.getByRole('heading', { name: 'Welcome to Doppel' }).waitFor();
  await onboarding.getByRole('button', { name: 'Load the demo' }).click();
  await onboarding.locator('[data-testid=demo-controls][data-loaded=true]').waitFor();
  expect(await demoCount(doppel)).toBeGreaterThan(100);

  const history = await doppel.page('options/index.html#history');
  await history.getByText('Protected bike lanes cut injuries by a third, city report finds').waitFor();
  expect(await history.locator('.badge.demo').count()).toBe(16);

  await addStoriesModel(doppel);
  const panelOpened = doppel.context.waitForEvent('page', { predicate: (p) => p.url().includes('/panel/index.html') });
  await clickContextMenu(doppel, 'doppel-draft-reply', own.url(), 'Bike lanes are empty, nobody uses them.');
  const panel = await panelOpened;
  await panel.locator('[data-testid=job-phase][data-phase=done]').waitFor({ timeout: 60_000 });
  expect(await tokenCount(panel)).toBeGreaterThan(5);

  await onboarding.bringToFront();
  await onboarding.reload();
  await onboarding.getByRole('button', { name: 'Remove the demo' }).click();
  await onboarding.locator('[data-testid=demo-controls][data-loaded=false]').waitFor();
  expect(await demoCount(doppel)).toBe(0);
  const pages = await allRecords<{ title: string }>(doppel, 'pages');
  expect(pages.map((p) => p.title)).toEqual(['A slow afternoon with sourdough']);
  expectNoLeaks(doppel, ['starter had been sulking', 'Bike lanes are empty']);
});
