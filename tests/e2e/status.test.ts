import { afterEach, expect, test } from 'vitest';
import { expectNoLeaks, launchDoppel, type Doppel } from './harness';
import { tabIdOf, waitCaptured } from './helpers';

let doppel: Doppel | undefined;
afterEach(async () => {
  await doppel?.close();
  doppel = undefined;
});

const badge = (d: Doppel, tabId: number) =>
  d.inWorker(async (id) => ({ text: await chrome.action.getBadgeText({ tabId: id }), title: await chrome.action.getTitle({ tabId: id }) }), tabId);

test('the toolbar shows capturing, and the popup says what Doppel knows about the page', async () => {
  doppel = await launchDoppel();
  const article = await doppel.context.newPage();
  await article.goto(doppel.server.url('article-one.html'));
  const tabId = await tabIdOf(doppel, article.url());
  await waitCaptured(doppel, article.url());
  await expect.poll(async () => (await badge(doppel!, tabId)).title, { timeout: 10_000 }).toMatch(/capturing this page/);
  expect((await badge(doppel, tabId)).text).toBe('');
  const popup = await doppel.page(`popup/index.html?tabId=${tabId}`);
  await popup.locator('[data-captured=true]').getByText('Why tidal power is still waiting').waitFor();
  expect(await popup.getByTestId('capture-exclusion').count()).toBe(0);
  expectNoLeaks(doppel);
});

test('an excluded site shows "off" on the toolbar and the popup says why; a pause shows "II"', async () => {
  doppel = await launchDoppel({ allowTestOrigin: false });
  const article = await doppel.context.newPage();
  await article.goto(doppel.server.url('article-one.html'));
  const tabId = await tabIdOf(doppel, article.url());
  await expect.poll(async () => (await badge(doppel!, tabId)).text, { timeout: 10_000 }).toBe('off');
  expect((await badge(doppel, tabId)).title).toMatch(/intranet/);
  const popup = await doppel.page(`popup/index.html?tabId=${tabId}`);
  const why = popup.getByTestId('capture-exclusion');
  await why.waitFor();
  expect(await why.getAttribute('data-reason')).toBe('intranet');
  expect(await why.textContent()).toMatch(/Local and intranet addresses are excluded/);

  await popup.getByTestId('pause-capture').click();
  await article.bringToFront();
  await expect.poll(async () => (await badge(doppel!, tabId)).text, { timeout: 10_000 }).toBe('II');
  expectNoLeaks(doppel);
});
