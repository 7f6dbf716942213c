import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoLeaks, HAS_MODEL, launchDoppel, MODEL_SKIP_REASON, REPO, type Doppel } from './harness';
import { addStoriesModel, allRecords, clickContextMenu, tabIdOf, waitCaptured } from './helpers';

// `npm run screenshots` writes the README's pictures into docs/screenshots; a plain test run keeps
// them out of the tree, in test-results/.
const DIR = process.env.DOPPEL_SCREENSHOTS === '1' ? join(REPO, 'docs/screenshots') : join(REPO, 'test-results/screenshots');

let doppel: Doppel;
beforeAll(async () => {
  mkdirSync(DIR, { recursive: true });
  doppel = await launchDoppel();
});
afterAll(async () => {
  expectNoLeaks(doppel);
  await doppel.close();
});

const shoot = async (page: Page, name: string) => {
  await page.emulateMedia({ colorScheme: 'light' });
  const png = await page.screenshot({ path: join(DIR, `${name}.png`), fullPage: true });
  expect(png.length).toBeGreaterThan(5_000);
};

test.skipIf(!HAS_MODEL)(`screenshots of the popup, the draft panel and the persona page, on the demo (${HAS_MODEL ? 'stories260K' : MODEL_SKIP_REASON})`, async () => {
  const article = await doppel.context.newPage();
  await article.goto(doppel.server.url('article-one.html'));
  await waitCaptured(doppel, article.url());
  const options = await doppel.page('options/index.html#persona');
  await options.evaluate(() => chrome.runtime.sendMessage({ method: 'demo.load', params: {}, to: 'background' }));
  await addStoriesModel(doppel);
  await options.goto(`chrome-extension://${doppel.extensionId}/options/index.html#persona`);
  await options.getByTestId('rebuild-persona').click();
  const status = async () => (await allRecords<{ id: string; status: string }>(doppel, 'pipelines')).find((p) => p.id === 'persona-rebuild')?.status;
  await expect.poll(status, { timeout: 90_000, interval: 500 }).toBe('done');
  await options.reload();
  await options.setViewportSize({ width: 1000, height: 900 });
  await options.getByRole('heading', { level: 2 }).first().waitFor();
  await options.waitForTimeout(500);
  await shoot(options, 'persona');

  const panelOpened = doppel.context.waitForEvent('page', { predicate: (p) => p.url().includes('/panel/index.html') });
  await clickContextMenu(doppel, 'doppel-draft-reply', article.url(), 'Tidal turbines promise something wind and solar cannot: power on a timetable.');
  const panel = await panelOpened;
  await panel.setViewportSize({ width: 460, height: 640 });
  await panel.locator('[data-testid=job-phase][data-phase=done]').waitFor({ timeout: 60_000 });
  await shoot(panel, 'draft-panel');

  const popup = await doppel.page(`popup/index.html?tabId=${await tabIdOf(doppel, article.url())}`);
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.locator('[data-captured=true]').waitFor();
  await popup.waitForTimeout(300);
  await shoot(popup, 'popup');
});
