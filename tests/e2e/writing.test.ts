import { afterEach, beforeEach, expect, test } from 'vitest';
import { expectNoLeaks, launchDoppel, type Doppel } from './harness';
import { allRecords } from './helpers';

let doppel: Doppel;
beforeEach(async () => {
  doppel = await launchDoppel();
});
afterEach(async () => {
  await doppel.close();
});

interface Writing {
  text: string;
  replyTo?: string;
  source: string;
  url: string;
}
const writings = () => allRecords<Writing>(doppel, 'writings');
const reactions = () => allRecords<{ kind: string; value?: number; url: string }>(doppel, 'reactions');

const REPLY = 'Agreed — the crews should not pay for a café they never use. My email is ana.l@example.org.';

test('submitting a comment form stores the writing with its reply-to context; typing without submitting stores nothing', async () => {
  const page = await doppel.context.newPage();
  await page.goto(doppel.server.url('comments.html'));
  await expect.poll(async () => (await allRecords(doppel, 'pages')).length).toBe(1);

  // Typing, pausing, editing: no keystroke and no unsent draft is ever stored.
  const box = page.locator('#reply-c1 textarea');
  await box.pressSequentially('A draft I will think twice about', { delay: 5 });
  await page.locator('#c2 .editor').pressSequentially('Another unsent thought', { delay: 5 });
  await page.waitForTimeout(1500);
  expect(await writings()).toHaveLength(0);

  await box.fill(REPLY);
  await page.locator('#reply-c1 button').click();
  await expect.poll(async () => (await writings()).length).toBe(1);
  const [stored] = await writings();
  expect(stored!.source).toBe('form');
  // PII is scrubbed before storage; the reply-to context is the comment the form sits under.
  expect(stored!.text).toBe('Agreed — the crews should not pay for a café they never use. My email is [email].');
  expect(stored!.replyTo).toContain('Charge the café, not the crews.');
  expect(stored!.replyTo).not.toContain('hot drink');
  expect(stored!.url).toBe(doppel.server.url('comments.html'));
  await expect.poll(async () => (await reactions()).filter((r) => r.kind === 'reply').length).toBe(1);
  // A like button the generic adapter recognizes by its label.
  await page.getByRole('button', { name: 'Like' }).click();
  await expect.poll(async () => (await reactions()).filter((r) => r.kind === 'like').length).toBe(1);

  // A contenteditable editor sent with its "Post" button.
  await page.locator('#c2 .editor').fill('Same, a flask of tea at the end of the pier would be lovely.');
  await page.locator('#c2 .send').click();
  await expect.poll(async () => (await writings()).length).toBe(2);
  const editor = (await writings()).find((w) => w.source === 'contenteditable');
  expect(editor?.text).toBe('Same, a flask of tea at the end of the pier would be lovely.');
  expect(editor?.replyTo).toContain('hot drink at the end of a cold walk');
  expect((await writings()).map((w) => w.text).join(' ')).not.toContain('A draft I will think twice about');
  expectNoLeaks(doppel, ['ana.l@example.org', 'A draft I will think twice about', 'flask of tea']);
});

test('observed reactions: copy, bookmark, scroll depth and active dwell are stored against the page', async () => {
  const url = doppel.server.url('article-one.html');
  const page = await doppel.context.newPage();
  await page.setViewportSize({ width: 800, height: 300 });
  await page.goto(url);
  await expect.poll(async () => (await allRecords(doppel, 'pages')).length).toBe(1);
  await page.mouse.wheel(0, 5000);
  await page.locator('p').first().selectText();
  await page.keyboard.press('Control+C');
  await doppel.inWorker((u) => chrome.bookmarks.create({ title: 'tidal', url: u }), url);
  await page.close({ runBeforeUnload: true });
  await expect.poll(async () => (await reactions()).map((r) => r.kind).sort(), { timeout: 10_000 }).toEqual(['bookmark', 'copy', 'scroll']);
  const all = await reactions();
  expect(all.find((r) => r.kind === 'copy')!.value).toBeGreaterThan(10);
  expect(all.find((r) => r.kind === 'scroll')!.value).toBeGreaterThan(0.5);
  const [stored] = await allRecords<{ maxScroll: number; dwellMs: number }>(doppel, 'pages');
  expect(stored!.maxScroll).toBeGreaterThan(0.5);
  expect(stored!.dwellMs).toBeGreaterThan(0);
  expect(all.every((r) => r.url === url)).toBe(true);
  expectNoLeaks(doppel);
});
