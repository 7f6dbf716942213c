import { afterEach, beforeEach, expect, test } from 'vitest';
import { expectNoLeaks, HAS_MODEL, launchDoppel, MODEL_SKIP_REASON, type Doppel } from './harness';
import { addStoriesModel, clickContextMenu, sidePanel, sidePanelShown, tabIdOf, tokenCount } from './helpers';

let doppel: Doppel;
beforeEach(async () => {
  doppel = await launchDoppel();
});
afterEach(async () => {
  await doppel.close();
});

test.skipIf(!HAS_MODEL)(`the side panel opens from the popup, a context-menu draft streams into it beside the page, and Insert puts it in the field (${HAS_MODEL ? 'stories260K' : MODEL_SKIP_REASON})`, async () => {
  await addStoriesModel(doppel);
  const forum = await doppel.context.newPage();
  await forum.goto(doppel.server.url('reply-form.html'));
  await forum.locator('textarea').first().click();
  const tabId = await tabIdOf(doppel, forum.url());
  const popup = await doppel.page(`popup/index.html?tabId=${tabId}`);
  await popup.getByTestId('open-side-panel').click();
  const panel = await sidePanel(doppel);
  await sidePanelShown(panel);
  expect(await doppel.inWorker(async () => (await chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL' as chrome.runtime.ContextType] })).length, undefined)).toBe(1);

  // The context menu, with the panel open: the draft goes there, not to a new window.
  await forum.bringToFront();
  await clickContextMenu(doppel, 'doppel-draft-reply', forum.url(), 'Is anyone going down to the lake on Saturday?');
  await panel.locator('[data-testid=draft-actions][data-streaming=true], [data-testid=job-phase][data-phase=done]').first().waitFor({ timeout: 30_000 });
  await panel.locator('[data-testid=job-phase][data-phase=done]').waitFor({ timeout: 60_000 });
  expect(await tokenCount(panel)).toBeGreaterThan(5);
  const draft = await panel.getByTestId('draft-text').inputValue();
  expect(draft.trim().length).toBeGreaterThan(10);
  expect(doppel.context.pages().filter((p) => p.url().includes('/panel/index.html?job='))).toEqual([]);
  // Streamed once, into the box: no second copy of the text anywhere on the panel.
  expect((await panel.locator('body').innerText()).includes(draft.trim().slice(0, 40))).toBe(false);

  await panel.getByRole('button', { name: 'Insert' }).click();
  await panel.getByTestId('draft-status').getByText('Inserted').waitFor();
  await expect.poll(() => forum.locator('textarea').first().inputValue()).toBe(draft);
  expectNoLeaks(doppel, ['Is anyone going down to the lake']);
});
