import { afterEach, beforeEach, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoLeaks, HAS_MODEL, launchDoppel, MODEL_SKIP_REASON, type Doppel } from './harness';
import { addStoriesModel, waitCaptured, fireCommand } from './helpers';

let doppel: Doppel;
beforeEach(async () => {
  doppel = await launchDoppel();
});
afterEach(async () => {
  await doppel.close();
});

/** Presses Tab until `matches` holds for the focused element; fails if it never does. */
const tabTo = async (page: Page, matches: (el: Element) => boolean, label: string) => {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const hit = await page.evaluate(`(${matches.toString()})(document.activeElement)`);
    if (hit) return;
  }
  throw new Error(`Tab never reached ${label}`);
};

test.skipIf(!HAS_MODEL)(`keyboard only: from the shortcut to Insert, with visible focus (${HAS_MODEL ? 'stories260K' : MODEL_SKIP_REASON})`, async () => {
  await addStoriesModel(doppel);
  const forum = await doppel.context.newPage();
  await forum.goto(doppel.server.url('reply-form.html'));
  await forum.bringToFront();
  // Without a selection the draft replies to the page, so Doppel must have captured it first.
  await waitCaptured(doppel, forum.url());
  await tabTo(forum, (el) => el.id === 'reply-text', 'the reply field');

  // Headless Chromium has no browser window to route Alt+Shift+D to the extension, so the test
  // fires the command the shortcut is bound to (manifest "commands") with the tab it was pressed in.
  const panelOpened = doppel.context.waitForEvent('page', { predicate: (p) => p.url().includes('/panel/index.html') });
  await fireCommand(doppel, 'draft-reply', forum.url());
  const panel = await panelOpened;
  await panel.locator('[data-testid=job-phase][data-phase=done]').waitFor({ timeout: 60_000 });
  const draft = await panel.getByTestId('draft-text').inputValue();
  expect(draft.trim().length).toBeGreaterThan(0);

  await tabTo(panel, (el) => el.tagName === 'BUTTON' && el.textContent?.trim() === 'Insert', 'Insert');
  // The focused control shows that it is focused.
  const outline = await panel.evaluate(() => {
    const style = getComputedStyle(document.activeElement!);
    return { visible: document.activeElement!.matches(':focus-visible'), width: style.outlineWidth, style: style.outlineStyle };
  });
  expect(outline.visible).toBe(true);
  expect(outline.style).not.toBe('none');
  expect(parseFloat(outline.width)).toBeGreaterThan(0);
  await panel.keyboard.press('Enter');
  await panel.getByTestId('draft-status').getByText('Inserted').waitFor();

  await expect.poll(() => forum.locator('#reply-text').inputValue()).toBe(draft);
  await forum.waitForTimeout(300);
  expect(await forum.evaluate(() => (window as unknown as { submitted: number }).submitted)).toBe(0);
  expect(doppel.server.received.filter((r) => r.method === 'POST')).toEqual([]);
  expectNoLeaks(doppel, [draft.slice(0, 40)]);
});
