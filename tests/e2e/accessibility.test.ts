import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousViolations } from './a11y';
import { expectNoLeaks, HAS_MODEL, launchDoppel, type Doppel } from './harness';
import { addStoriesModel, allRecords, clickContextMenu, tabIdOf } from './helpers';

let doppel: Doppel;
const surfaces: string[] = [];

// Every surface with real content in it: the demo loaded, a model installed, the persona rebuilt
// and a finished draft in the panel, so the check sees what a user sees.
beforeAll(async () => {
  doppel = await launchDoppel();
  const article = await doppel.context.newPage();
  await article.goto(doppel.server.url('article-one.html'));
  const tabId = await tabIdOf(doppel, article.url());
  const options = await doppel.page('options/index.html#model');
  await options.evaluate(() => chrome.runtime.sendMessage({ method: 'demo.load', params: {}, to: 'background' }));
  const sections = await options.locator('nav[aria-label=Sections] a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).hash));
  surfaces.push('onboarding/index.html', `popup/index.html?tabId=${tabId}`, ...sections.map((hash) => `options/index.html${hash}`));
  if (HAS_MODEL) {
    await addStoriesModel(doppel);
    const persona = await doppel.page('options/index.html#persona');
    await persona.getByTestId('rebuild-persona').click();
    // The rebuild's job holds the engine: wait for its pipeline to finish, not for the button (which may not have changed yet).
    const status = async () => (await allRecords<{ id: string; status: string }>(doppel, 'pipelines')).find((p) => p.id === 'persona-rebuild')?.status;
    for (const until = Date.now() + 180_000; (await status()) !== 'done' && Date.now() < until; ) await new Promise((r) => setTimeout(r, 500));
    const panelOpened = doppel.context.waitForEvent('page', { predicate: (p) => p.url().includes('/panel/index.html') });
    await clickContextMenu(doppel, 'doppel-draft-reply', article.url(), 'Tidal turbines promise power on a timetable.');
    const panel = await panelOpened;
    await panel.locator('[data-testid=job-phase][data-phase=done]').waitFor({ timeout: 60_000 });
    surfaces.push(panel.url().replace(`chrome-extension://${doppel.extensionId}/`, ''));
  } else {
    surfaces.push('panel/index.html?error=Nothing%20to%20show');
  }
}, 360_000);

afterAll(async () => {
  expectNoLeaks(doppel, ['Tidal turbines promise power']);
  await doppel.close();
});

const check = async (page: Page, label: string, into: string[]) => {
  for (const v of await seriousViolations(page)) into.push(`${label} ${v.impact} ${v.id}: ${v.help} at ${v.targets.join(', ')}`);
};

test.each(['light', 'dark'] as const)('no serious or critical accessibility violations on any surface (%s theme)', async (scheme) => {
  expect(surfaces.length).toBeGreaterThanOrEqual(9);
  const found: string[] = [];
  for (const path of surfaces) {
    const page = await doppel.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`chrome-extension://${doppel.extensionId}/${path}`);
    await page.locator('h1').first().waitFor();
    await page.waitForTimeout(500);
    await check(page, `${path} [${scheme}]`, found);
    await page.close();
  }
  expect(found).toEqual([]);
});

test('the checker does find violations on a deliberately inaccessible page', async () => {
  const page = await doppel.context.newPage();
  await page.goto(doppel.server.url('inaccessible.html'));
  const ids = (await seriousViolations(page)).map((v) => v.id);
  expect(ids).toEqual(expect.arrayContaining(['image-alt', 'label', 'button-name']));
  await page.close();
});
