import { afterAll, beforeAll, expect, test } from 'vitest';
import { seriousViolations } from './a11y';
import { expectNoLeaks, launchDoppel, type Doppel } from './harness';
import { tabIdOf } from './helpers';

let doppel: Doppel;
beforeAll(async () => {
  doppel = await launchDoppel();
});
afterAll(async () => {
  expectNoLeaks(doppel);
  await doppel.close();
});

const SURFACES = async (d: Doppel): Promise<string[]> => {
  const article = await d.context.newPage();
  await article.goto(d.server.url('article-one.html'));
  const tabId = await tabIdOf(d, article.url());
  return [`popup/index.html?tabId=${tabId}`, 'panel/index.html?error=Nothing%20to%20show', 'options/index.html#model', 'options/index.html#history', 'onboarding/index.html'];
};

test.each(['light', 'dark'] as const)('no serious or critical accessibility violations on any surface (%s theme)', async (scheme) => {
  const found: string[] = [];
  for (const path of await SURFACES(doppel)) {
    const page = await doppel.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`chrome-extension://${doppel.extensionId}/${path}`);
    await page.locator('h1').first().waitFor();
    await page.waitForTimeout(400);
    for (const v of await seriousViolations(page)) found.push(`${path} [${scheme}] ${v.impact} ${v.id}: ${v.help} at ${v.targets.join(', ')}`);
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
