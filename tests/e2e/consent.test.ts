import { afterEach, beforeEach, expect, test } from 'vitest';
import { expectNoLeaks, launchDoppel, type Doppel } from './harness';
import { allRecords, tabIdOf, waitCaptured } from './helpers';

let doppel: Doppel;
beforeEach(async () => {
  doppel = await launchDoppel({ consent: false });
});
afterEach(async () => {
  await doppel.close();
});

test('a fresh install captures nothing until the user turns capture on in the welcome page', async () => {
  const before = await doppel.context.newPage();
  await before.goto(doppel.server.url('article-one.html'));
  const tabId = await tabIdOf(doppel, before.url());
  // The toolbar says why: capture has not been turned on.
  await expect
    .poll(() => doppel.inWorker(async (id) => chrome.action.getTitle({ tabId: id }), tabId), { timeout: 10_000 })
    .toMatch(/not turned capture on/);
  await before.waitForTimeout(1_500);
  expect(await allRecords(doppel, 'pages')).toEqual([]);

  const onboarding = doppel.context.pages().find((p) => p.url().endsWith('/onboarding/index.html')) ?? (await doppel.page('onboarding/index.html'));
  const consent = onboarding.getByTestId('capture-consent');
  await consent.locator('[data-on=false]').or(consent).first().waitFor();
  expect(await consent.textContent()).toMatch(/password/);
  await onboarding.getByTestId('consent-toggle').check();
  await onboarding.locator('[data-testid=capture-consent][data-on=true]').waitFor();

  const after = await doppel.context.newPage();
  await after.goto(doppel.server.url('article-two.html'));
  await waitCaptured(doppel, after.url());
  expect((await allRecords<{ title: string }>(doppel, 'pages')).map((p) => p.title)).toEqual(['A slow afternoon with sourdough']);
  expectNoLeaks(doppel, ['starter had been sulking']);
});
