import { afterEach, beforeEach, expect, test } from 'vitest';
import { expectNoLeaks, HAS_MODEL, launchDoppel, MODEL_SKIP_REASON, type Doppel } from './harness';
import { addStoriesModel, allRecords, clickContextMenu, tabIdOf, tokenCount, fireCommand } from './helpers';
import { jobById, jobIdIn, putRecords, sailingWritings, unresolvedEvidence } from './task-helpers';

let doppel: Doppel;
beforeEach(async () => {
  doppel = await launchDoppel();
});
afterEach(async () => {
  await doppel.close();
});

const POST = 'The club has a Topper, a Laser and an old Wayfarer.';
const model = HAS_MODEL ? 'stories260K' : MODEL_SKIP_REASON;

test.skipIf(!HAS_MODEL)(`draft from the context menu in a field: streams, Insert fills the textarea without submitting, and what is sent becomes feedback (${model})`, async () => {
  await addStoriesModel(doppel);
  await putRecords(doppel, 'writings', sailingWritings(doppel.server.origin));
  const forum = await doppel.context.newPage();
  await forum.goto(doppel.server.url('reply-form.html'));
  await forum.locator('#reply-text').click();

  const panelOpened = doppel.context.waitForEvent('page', { predicate: (p) => p.url().includes('/panel/index.html') });
  await clickContextMenu(doppel, 'doppel-draft-reply', forum.url(), POST);
  const panel = await panelOpened;
  await panel.locator('[data-testid=job-phase][data-phase=done]').waitFor({ timeout: 60_000 });
  expect(await tokenCount(panel)).toBeGreaterThan(5);
  const job = await jobById(doppel, await jobIdIn(panel));
  expect(job.result?.kind).toBe('draft');
  expect(job.evidence?.length).toBeGreaterThanOrEqual(3);
  expect(await unresolvedEvidence(doppel, job)).toEqual([]);

  const draft = await panel.getByTestId('draft-text').inputValue();
  expect(draft.trim().length).toBeGreaterThan(0);
  await panel.getByRole('button', { name: 'Insert' }).click();
  await panel.getByTestId('draft-status').getByText('Inserted').waitFor();
  await expect.poll(() => forum.locator('#reply-text').inputValue()).toBe(draft);
  // Inserted, never submitted: the page's own submit handler never ran and no POST reached the server.
  await forum.waitForTimeout(500);
  expect(await forum.evaluate(() => (window as unknown as { submitted: number }).submitted)).toBe(0);
  expect(forum.url()).toContain('reply-form.html');
  expect(doppel.server.received.filter((r) => r.method === 'POST')).toEqual([]);

  // The user edits and sends it themselves: the text they sent is stored as feedback.
  await forum.locator('#reply-text').press('End');
  await forum.locator('#reply-text').pressSequentially(' Edited by me.');
  await forum.locator('#send').click();
  await forum.waitForURL(/submitted/);
  await expect
    .poll(async () => (await allRecords<{ source: string; text: string }>(doppel, 'writings')).filter((w) => w.source === 'feedback').map((w) => w.text), { timeout: 10_000 })
    .toEqual([`${draft} Edited by me.`.trim()]);
  // Stored once: as feedback on the draft, not also as an ordinary form writing.
  await forum.waitForTimeout(1000);
  const sent = (await allRecords<{ id: string; source: string }>(doppel, 'writings')).filter((w) => !w.id.startsWith('writing-'));
  expect(sent.map((w) => w.source)).toEqual(['feedback']);
  expectNoLeaks(doppel, [POST]);
});

test.skipIf(!HAS_MODEL)(`draft adjustments and Regenerate each stream a new draft from the panel (${model})`, async () => {
  await addStoriesModel(doppel);
  const forum = await doppel.context.newPage();
  await forum.goto(doppel.server.url('reply-form.html'));
  const panelOpened = doppel.context.waitForEvent('page', { predicate: (p) => p.url().includes('/panel/index.html') });
  await clickContextMenu(doppel, 'doppel-draft-reply', forum.url(), POST);
  const panel = await panelOpened;
  await panel.locator('[data-testid=job-phase][data-phase=done]').waitFor({ timeout: 60_000 });
  const first = await jobIdIn(panel);
  for (const button of ['Shorter', 'More casual', 'Regenerate']) {
    const before = await jobIdIn(panel);
    await panel.getByRole('button', { name: button, exact: true }).click();
    await expect.poll(() => jobIdIn(panel), { timeout: 10_000 }).not.toBe(before);
    await panel.locator('[data-testid=job-phase][data-phase=done]').waitFor({ timeout: 60_000 });
    expect(await tokenCount(panel)).toBeGreaterThan(0);
  }
  const titles = (await allRecords<{ id: string; title: string; source?: { adjust?: string; previous?: string } }>(doppel, 'jobs')).filter((j) => j.id !== first);
  expect(titles.map((j) => j.source?.adjust ?? 'none').sort()).toEqual(['casual', 'none', 'shorter']);
  expect(titles.find((j) => j.source?.adjust === 'shorter')?.source?.previous?.length).toBeGreaterThan(0);
  expectNoLeaks(doppel, [POST]);
});

test.skipIf(!HAS_MODEL)(`draft from the keyboard shortcut uses the page's selection (${model})`, async () => {
  await addStoriesModel(doppel);
  const forum = await doppel.context.newPage();
  await forum.goto(doppel.server.url('reply-form.html'));
  await forum.locator('#reply-text').click();
  const selected = await forum.evaluate(() => {
    const p = document.querySelectorAll('article p')[1]!;
    getSelection()!.selectAllChildren(p);
    return getSelection()!.toString().trim();
  });
  const panelOpened = doppel.context.waitForEvent('page', { predicate: (p) => p.url().includes('/panel/index.html') });
  await fireCommand(doppel, 'draft-reply', forum.url());
  const panel = await panelOpened;
  await panel.locator('[data-testid=job-phase][data-phase=done]').waitFor({ timeout: 60_000 });
  expect(await tokenCount(panel)).toBeGreaterThan(5);
  expect((await jobById(doppel, await jobIdIn(panel))).source?.text).toBe(selected);
  expectNoLeaks(doppel, [selected]);
});

test.skipIf(!HAS_MODEL)(`draft from the popup streams into the popup with the draft actions (${model})`, async () => {
  await addStoriesModel(doppel);
  const forum = await doppel.context.newPage();
  await forum.goto(doppel.server.url('reply-form.html'));
  const tabId = await tabIdOf(doppel, forum.url());
  const popup = await doppel.page(`popup/index.html?tabId=${tabId}`);
  await popup.locator('[data-testid=page-status] [data-captured=true]').waitFor({ timeout: 10_000 });
  await popup.getByRole('button', { name: 'Draft a reply' }).click();
  await popup.locator('[data-testid=job-phase][data-phase=done]').waitFor({ timeout: 60_000 });
  expect(await tokenCount(popup)).toBeGreaterThan(5);
  await popup.getByTestId('draft-actions').waitFor();
  expect((await jobById(doppel, await jobIdIn(popup))).result?.kind).toBe('draft');
  expectNoLeaks(doppel, [POST]);
});

test.skipIf(!HAS_MODEL)(`Insert into a contenteditable composer puts in plain text only, sends nothing, and Enter by the user stores feedback (${model})`, async () => {
  await addStoriesModel(doppel);
  const chat = await doppel.context.newPage();
  await chat.goto(doppel.server.url('reply-editable.html'));
  await chat.locator('#composer').click();
  const panelOpened = doppel.context.waitForEvent('page', { predicate: (p) => p.url().includes('/panel/index.html') });
  await clickContextMenu(doppel, 'doppel-draft-reply', chat.url(), 'Is anyone going down to the lake on Saturday?');
  const panel = await panelOpened;
  await panel.locator('[data-testid=job-phase][data-phase=done]').waitFor({ timeout: 60_000 });
  // The user edits the draft in the panel before inserting; markup in it must arrive as text.
  await panel.getByTestId('draft-text').fill('See you at ten <b>sharp</b>');
  await panel.getByRole('button', { name: 'Insert' }).click();
  await panel.getByTestId('draft-status').getByText('Inserted').waitFor();
  await expect.poll(() => chat.locator('#composer').innerText()).toBe('See you at ten <b>sharp</b>');
  expect(await chat.locator('#composer b').count()).toBe(0);
  expect(await chat.evaluate(() => (window as unknown as { sent: number }).sent)).toBe(0);
  // The user sends the draft with a real Enter: one writing, feedback on the draft.
  await chat.locator('#composer').press('Enter');
  const writings = () => allRecords<{ source: string; text: string }>(doppel, 'writings');
  await expect.poll(async () => (await writings()).map((w) => [w.source, w.text]), { timeout: 10_000 }).toEqual([['feedback', 'See you at ten <b>sharp</b>']]);
  // The page then fakes Enter with words of its own: none of it is the user's.
  await chat.evaluate(() => {
    const box = document.getElementById('composer')!;
    for (let i = 0; i < 18; i++) {
      box.textContent = `Forged message ${i}`;
      box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    }
  });
  await chat.waitForTimeout(2000);
  expect((await writings()).length).toBe(1);
  // A later message in the same box is the user's own writing, not more feedback on the old draft.
  await chat.locator('#composer').pressSequentially('And I will bring the flask.', { delay: 2 });
  await chat.locator('#composer').press('Enter');
  await expect.poll(async () => (await writings()).map((w) => [w.source, w.text]).sort(), { timeout: 10_000 }).toEqual([['contenteditable', 'And I will bring the flask.'], ['feedback', 'See you at ten <b>sharp</b>']]);
  expectNoLeaks(doppel, ['perfect for the small boats']);
});
