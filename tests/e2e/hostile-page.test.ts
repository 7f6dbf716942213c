import { afterAll, beforeAll, expect, test } from 'vitest';
import { expectNoLeaks, launchDoppel, type Doppel } from './harness';
import { allRecords, tabIdOf, waitCaptured } from './helpers';

/**
 * A page that tries to speak for the user: window.postMessage commands, synthetic (untrusted)
 * submit/keydown/click/copy events, form.requestSubmit() without a user gesture, fake sends after
 * a real Insert, and DOM clobbering of the names the content script uses. The user does one real
 * thing (a reply) and asks for one real Insert; anything else stored or inserted is unauthorised.
 */
let doppel: Doppel;
beforeAll(async () => {
  doppel = await launchDoppel();
});
afterAll(async () => {
  await doppel.close();
});

const FORGED = 'FORGED';
const ATTACKS = `
<script>
  const cases = [];
  const attack = (name, fn) => { cases.push(name); try { fn(); } catch (e) { console.log('attack threw', name, String(e)); } };
  const form = () => document.getElementById('reply');
  const area = () => form().querySelector('textarea');
  const editor = () => document.getElementById('composer');
  const key = (target, init) => target.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, key: 'Enter', ...init }));
  window.runAttacks = (round) => {
    const text = '${FORGED}-' + round + '-';
    attack('postMessage insert', () => window.postMessage({ doppel: 'insert', jobId: 'job-hostile', text: text + 'pm-insert' }, '*'));
    attack('postMessage capture', () => window.postMessage({ method: 'capture.writing', params: { text: text + 'pm-capture', source: 'form', adapter: 'generic' }, to: 'background' }, '*'));
    attack('postMessage feedback', () => window.postMessage({ method: 'tasks.feedback', params: { jobId: 'job-hostile', text: text + 'pm-feedback' }, to: 'background' }, '*'));
    attack('synthetic submit', () => { area().value = text + 'submit'; form().dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })); });
    attack('requestSubmit without a gesture', () => { area().value = text + 'request-submit'; form().requestSubmit(); });
    attack('synthetic click on submit button', () => { area().value = text + 'click-submit'; form().querySelector('button').click(); });
    attack('synthetic Ctrl+Enter in the editor', () => { editor().textContent = text + 'ctrl-enter'; key(editor(), { ctrlKey: true }); });
    attack('synthetic Enter in the editor', () => { editor().textContent = text + 'enter'; key(editor(), {}); });
    attack('synthetic click on Send', () => { editor().textContent = text + 'send'; document.getElementById('send').click(); });
    attack('synthetic copy', () => document.dispatchEvent(new Event('copy', { bubbles: true })));
    attack('synthetic click on Like', () => document.getElementById('like').click());
    attack('synthetic paste-like input', () => { editor().textContent = text + 'input'; editor().dispatchEvent(new InputEvent('input', { bubbles: true, data: 'x' })); });
    area().value = '';
    editor().textContent = '';
    return cases.splice(0);
  };
  // After a real Insert the page pretends the user sent the field, with its own words.
  window.fakeSendAfterInsert = (round) => {
    const text = '${FORGED}-' + round + '-after-insert';
    editor().textContent = text;
    key(editor(), {});
    key(editor(), { ctrlKey: true });
    document.getElementById('send').click();
    return 3;
  };
</script>`;

// Clobbers: named elements that shadow document and form properties the content script might read.
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A thread about tidal power</title></head><body>
<article><h1>A thread about tidal power</h1>
<p>The Pentland Firth has some of the fastest tidal currents in Europe, and a long argument about who pays for the turbines.</p>
<p>Readers have been arguing in the comments below for weeks, and the thread is long enough to be worth reading on its own.</p></article>
<img name="getSelection" src="data:,"><img name="activeElement" src="data:,"><form name="querySelector"></form><a id="chrome"></a><a id="browser"></a>
<section id="comments">
  <form id="reply" action="/post" onsubmit="event.preventDefault()">
    <input name="submit" type="hidden"><input name="closest" type="hidden"><input name="elements" type="hidden"><input name="action" type="hidden"><input name="isConnected" type="hidden">
    <textarea name="body" aria-label="Reply"></textarea>
    <button type="submit">Reply</button>
  </form>
  <div id="composer" contenteditable="true" role="textbox" aria-label="Message"></div>
  <button id="send" type="button">Send</button>
  <button id="like" type="button">Like</button>
</section>
${ATTACKS}
</body></html>`;

test('a page that forges messages, events and clobbered names: 0 records and 0 inserts the user did not make', async () => {
  doppel.server.serve('hostile-thread.html', PAGE, 'text/html');
  const url = doppel.server.url('hostile-thread.html');
  const page = await doppel.context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(String(error)));
  await page.goto(url);
  await waitCaptured(doppel, url);

  let cases = 0;
  for (let round = 0; round < 5; round++) cases += ((await page.evaluate((r) => (window as unknown as { runAttacks(r: number): string[] }).runAttacks(r), round)) as string[]).length;
  await page.waitForTimeout(1500);

  // The user's own reply, sent with a real click: it must be stored, so the zeros below can fail.
  await page.locator('#reply textarea').fill('My real reply about the turbines.');
  await page.getByRole('button', { name: 'Reply' }).click();
  await expect.poll(async () => (await allRecords<{ text: string }>(doppel, 'writings')).some((w) => w.text === 'My real reply about the turbines.'), { timeout: 15_000 }).toBe(true);

  // A real Insert the user asked for: a finished draft job aimed at this tab, inserted from Doppel's own page.
  await page.locator('#composer').click();
  const tabId = await tabIdOf(doppel, url);
  await doppel.inWorker(
    ({ tabId, url }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('doppel');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const now = Date.now();
          const tx = open.result.transaction('jobs', 'readwrite');
          tx.objectStore('jobs').put({
            id: 'job-hostile', kind: 'draft', status: 'done', createdAt: now, updatedAt: now, title: 'Draft', url,
            messages: [{ role: 'user', content: 'x' }], maxTokens: 8, temperature: 0, output: 'A draft the user asked for.', tokens: 6,
            target: { tabId, frameId: 0 },
          });
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
    { tabId, url },
  );
  const options = await doppel.page('options/index.html');
  const inserted = await options.evaluate(() => chrome.runtime.sendMessage({ method: 'tasks.insert', params: { jobId: 'job-hostile', text: 'A draft the user asked for.' }, to: 'background' }));
  expect(inserted).toMatchObject({ ok: true, value: { inserted: true } });
  await expect.poll(() => page.locator('#composer').textContent()).toContain('A draft the user asked for.');
  for (let round = 0; round < 5; round++) cases += (await page.evaluate((r) => (window as unknown as { fakeSendAfterInsert(r: number): number }).fakeSendAfterInsert(r), round)) as number;
  // And the page's window messages, once more, now that a job id it could know exists.
  for (let round = 5; round < 8; round++) cases += ((await page.evaluate((r) => (window as unknown as { runAttacks(r: number): string[] }).runAttacks(r), round)) as string[]).length;
  await page.waitForTimeout(2000);

  const writings = await allRecords<{ text: string; source: string }>(doppel, 'writings');
  const reactions = await allRecords<{ kind: string }>(doppel, 'reactions');
  const forgedWritings = writings.filter((w) => w.text.includes(FORGED));
  const forgedReactions = reactions.filter((r) => r.kind === 'copy' || r.kind === 'like');
  const forgedInserts = (await page.locator('#composer, #reply textarea').evaluateAll((els) => els.map((e) => (e instanceof HTMLTextAreaElement ? e.value : e.textContent ?? '')))).filter((t) => t.includes(`${FORGED}`) && t.includes('pm-insert'));
  const unauthorised = forgedWritings.length + forgedReactions.length + forgedInserts.length;
  // The content script still worked under clobbering: it captured the page and the user's reply.
  const crashes = problems.filter((p) => !p.includes('attack threw')).length + (writings.some((w) => w.text === 'My real reply about the turbines.') ? 0 : 1);
  console.log(`hostile page: ${cases} cases run, crashes ${crashes}, unauthorised actions ${unauthorised} (forged writings ${forgedWritings.length}: ${forgedWritings.map((w) => `${w.source}:${w.text}`).join(' | ')}; forged reactions ${forgedReactions.length}; forged inserts ${forgedInserts.length})`);
  expect(cases).toBeGreaterThanOrEqual(90);
  expect(crashes).toBe(0);
  expect(forgedWritings).toEqual([]);
  expect(forgedReactions).toEqual([]);
  expect(forgedInserts).toEqual([]);
  expect(writings.filter((w) => w.text === 'My real reply about the turbines.')).toHaveLength(1);
  expectNoLeaks(doppel, ['My real reply about the turbines.']);
});
