import { afterEach, beforeEach, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoLeaks, launchDoppel, type Doppel } from './harness';
import { tabIdOf, waitCaptured } from './helpers';

let doppel: Doppel;
beforeEach(async () => {
  doppel = await launchDoppel();
});
afterEach(async () => {
  await doppel.close();
});

const collectErrors = (page: Page, into: string[]) => {
  page.on('console', (message) => {
    if (message.type() === 'error') into.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => into.push(`${page.url()}: ${error.message}`));
};

test('the popup and every options section render with no console errors', async () => {
  const errors: string[] = [];
  const article = await doppel.context.newPage();
  await article.goto(doppel.server.url('article-one.html'));
  const tabId = await tabIdOf(doppel, article.url());
  await waitCaptured(doppel, article.url());

  const popup = await doppel.context.newPage();
  collectErrors(popup, errors);
  await popup.goto(`chrome-extension://${doppel.extensionId}/popup/index.html?tabId=${tabId}`);
  await popup.getByTestId('engine-summary').waitFor({ timeout: 30_000 });
  await popup.locator('[data-testid=page-status] [data-captured=true]').waitFor({ timeout: 10_000 });

  const options = await doppel.context.newPage();
  collectErrors(options, errors);
  for (const section of ['model', 'history', 'fidelity', 'interview']) {
    await options.goto(`chrome-extension://${doppel.extensionId}/options/index.html#${section}`);
    await options.getByRole('heading', { level: 2 }).first().waitFor();
    await options.waitForTimeout(300);
  }
  expect(errors).toEqual([]);
  expectNoLeaks(doppel);
});
