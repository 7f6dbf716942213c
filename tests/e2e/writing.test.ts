import { afterEach, beforeEach, expect, test } from 'vitest';
import { expectNoLeaks, launchDoppel, type Doppel } from './harness';
import { allRecords, dispatchMessage } from './helpers';

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

test('a send repeated after the service worker died before answering is stored once; its id never overwrites another writing', async () => {
  const url = doppel.server.url('comments.html');
  const sender = { url, tab: { id: 4242 } };
  const sendId = '0b0f7f5e-2a8e-4c1e-9d3a-7f6b2c1d4e5a';
  const send = (text: string) => dispatchMessage<{ ok: boolean; value: { stored: boolean; id?: string } }>(doppel, 'capture.writing', { text, source: 'form', adapter: 'generic', sendId }, sender);
  const first = await send('Agreed, the ferry should run on Sundays too.');
  expect(first.value).toEqual({ stored: true, id: sendId });
  // The content script asks again with the same send: one writing, one "reply" reaction.
  expect((await send('Agreed, the ferry should run on Sundays too.')).value).toEqual({ stored: true, id: sendId });
  // Another text under a stored send's id does not replace what the user wrote.
  await send('Something a compromised page made up.');
  await expect.poll(async () => (await reactions()).filter((r) => r.kind === 'reply').length).toBe(1);
  const stored = await writings();
  expect(stored.map((w) => w.text)).toEqual(['Agreed, the ferry should run on Sundays too.']);
  // Not a UUID: refused at the router.
  const bad = await dispatchMessage<{ ok: boolean }>(doppel, 'capture.writing', { text: 'x', source: 'form', adapter: 'generic', sendId: 'w1' }, sender);
  expect(bad.ok).toBe(false);
  expectNoLeaks(doppel);
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

const CHAT = 'Count me in for Saturday, I would love the Wayfarer if nobody has claimed it.';

test('plain Enter that sends a chat box stores the message once; Enter that makes a new line stores nothing; a honeypot password field does not drop the page', async () => {
  const page = await doppel.context.newPage();
  await page.goto(doppel.server.url('chat.html'));
  // The off-screen, aria-hidden password input is not a sign-in form: the page is captured.
  await expect.poll(async () => (await allRecords<{ title: string }>(doppel, 'pages')).map((p) => p.title), { timeout: 15_000 }).toEqual(['Harbour chat: the Saturday sail']);
  await page.locator('#notes').pressSequentially('First line of my notes', { delay: 2 });
  await page.locator('#notes').press('Enter');
  await page.locator('#notes').pressSequentially('second line', { delay: 2 });
  await page.locator('#notes').press('Enter');
  await page.locator('#chat').pressSequentially(CHAT, { delay: 2 });
  await page.locator('#chat').press('Enter');
  expect(await page.evaluate(() => (window as unknown as { sent: string[] }).sent)).toEqual([CHAT]);
  await expect.poll(async () => (await writings()).map((w) => [w.source, w.text]), { timeout: 10_000 }).toEqual([['contenteditable', CHAT]]);
  await page.waitForTimeout(2000);
  expect((await writings()).map((w) => w.text)).toEqual([CHAT]);
  expectNoLeaks(doppel, [CHAT, 'First line of my notes']);
});

test('what a page writes or fakes is not the user\'s: requestSubmit with its own text after a real click, synthetic Enter and submit', async () => {
  const page = await doppel.context.newPage();
  await page.goto(doppel.server.url('chat.html'));
  await expect.poll(async () => (await allRecords(doppel, 'pages')).length, { timeout: 15_000 }).toBe(1);
  await page.locator('#reply-text').pressSequentially('My own words about the sail', { delay: 2 });
  // The user's real click on the page's button; the page swaps the text and submits.
  await page.locator('#preview').click();
  expect(await page.evaluate(() => (window as unknown as { submitted: number }).submitted)).toBe(1);
  // Page scripts fake the user's sends, with text of their own.
  await page.evaluate(() => {
    const chat = document.getElementById('chat')!;
    for (let i = 0; i < 18; i++) {
      chat.textContent = `Forged message ${i}`;
      chat.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
      chat.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, cancelable: true }));
    }
    const form = document.getElementById('reply') as HTMLFormElement;
    (form.elements.namedItem('body') as HTMLTextAreaElement).value = 'Forged reply';
    form.dispatchEvent(new SubmitEvent('submit', { bubbles: true, cancelable: true }));
    form.requestSubmit();
  });
  await page.waitForTimeout(2500);
  expect(await writings()).toEqual([]);
  // The user's own send still counts.
  await page.locator('#reply-text').fill('');
  await page.locator('#reply-text').pressSequentially('Yes, the Wayfarer please.', { delay: 2 });
  await page.locator('#send').click();
  await expect.poll(async () => (await writings()).map((w) => w.text), { timeout: 10_000 }).toEqual(['Yes, the Wayfarer please.']);
  expectNoLeaks(doppel, ['My own words about the sail']);
});
