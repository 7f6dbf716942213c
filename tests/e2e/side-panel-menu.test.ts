import { afterAll, beforeAll, expect, test } from 'vitest';
import { expectNoLeaks, HAS_MODEL, launchDoppel, MODEL_SKIP_REASON, type Doppel } from './harness';
import { addStoriesModel, sidePanel, sidePanelShown } from './helpers';
import { HAS_X_TOOLS, pickFromContextMenu, startXvfb, X_TOOLS_MISSING, type XDisplay } from './x-display';

// Headless Chromium has no context menu to click, and a menu click dispatched in the service worker
// is no user gesture, so `chrome.sidePanel.open` refuses it. Here the browser is headed on a virtual
// display and the click is the real mouse's: what a user does. CI installs Xvfb and xdotool; there a
// missing tool fails the test instead of skipping it.
const CAN_RUN = HAS_MODEL && (HAS_X_TOOLS || process.env.CI === 'true');
let display: XDisplay;
let doppel: Doppel;
beforeAll(async () => {
  if (!CAN_RUN) return;
  if (!HAS_X_TOOLS) throw new Error(X_TOOLS_MISSING);
  display = await startXvfb();
  doppel = await launchDoppel({ display: display.name });
}, 60_000);
afterAll(async () => {
  try {
    await doppel?.close();
  } finally {
    display?.stop();
  }
});

test.skipIf(!CAN_RUN)(`a real right-click → "Draft a reply in my style" opens the side panel beside the page, the draft streams into it, and Insert fills the field (${HAS_MODEL ? (HAS_X_TOOLS ? 'stories260K, headed on Xvfb' : X_TOOLS_MISSING) : MODEL_SKIP_REASON})`, async () => {
  await addStoriesModel(doppel);
  const forum = await doppel.context.newPage();
  await forum.goto(doppel.server.url('reply-form.html'));
  // The forum alone in the window, as the tab the user is on.
  for (const page of doppel.context.pages()) if (page !== forum) await page.close();
  await forum.bringToFront();
  await forum.locator('textarea').click();
  const panelsBefore = await doppel.inWorker(async () => (await chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL' as chrome.runtime.ContextType] })).length, undefined);
  expect(panelsBefore).toBe(0);

  // "Draft a reply in my style" is the only item of the field's menu that starts with D.
  await pickFromContextMenu(display.name, forum, 'textarea', 'd');
  expect(await forum.locator('textarea').inputValue(), 'the key reached the page: the menu was not open yet').toBe('');
  await expect
    .poll(() => doppel.inWorker(async () => (await chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL' as chrome.runtime.ContextType] })).length, undefined), { timeout: 15_000 })
    .toBe(1);
  const panel = await sidePanel(doppel);
  await sidePanelShown(panel);
  await panel.locator('[data-testid=job-phase][data-phase=done]').waitFor({ timeout: 90_000 });
  const draft = await panel.getByTestId('draft-text').inputValue();
  expect(draft.trim().length).toBeGreaterThan(10);
  // Beside the page, not in a window of its own.
  expect(doppel.context.pages().filter((p) => p.url().includes('/panel/index.html?job='))).toEqual([]);

  await panel.getByRole('button', { name: 'Insert' }).click();
  await panel.getByTestId('draft-status').getByText('Inserted').waitFor();
  await expect.poll(() => forum.locator('textarea').inputValue()).toBe(draft);
  expectNoLeaks(doppel, ['Which dinghy for a complete beginner']);
}, 180_000);
