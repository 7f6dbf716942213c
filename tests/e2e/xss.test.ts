import { afterEach, beforeEach, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoLeaks, HAS_MODEL, launchDoppel, type Doppel } from './harness';
import { addStoriesModel, allRecords, clickContextMenu, tabIdOf } from './helpers';
import { putRecords } from './task-helpers';

let doppel: Doppel;
beforeEach(async () => {
  doppel = await launchDoppel();
});
afterEach(async () => {
  await doppel.close();
});

/** Each payload sets window.__xss and opens a dialog if it ever runs. */
const XSS = [
  '<script>window.__xss=1;alert(1)</script>',
  '<img src=x onerror="window.__xss=1;alert(1)">',
  '<a href="javascript:window.__xss=1;alert(1)">click me</a>',
  '<svg onload="window.__xss=1;alert(1)"><circle r="5"/></svg>',
  '&lt;b&gt;entity&lt;/b&gt; &#60;script&#62;window.__xss=1&#60;/script&#62;',
  '[markdown link](javascript:window.__xss=1;alert(1))',
  '<iframe src="javascript:window.__xss=1;alert(1)"></iframe>',
] as const;
const PAYLOAD = XSS.join('\n');

/** Model output that echoes hostile text, as a test engine would produce it, stored as finished jobs. */
const seededJobs = (url: string) => {
  const base = { status: 'done', createdAt: 1, messages: [], maxTokens: 10, temperature: 0, tokens: 7, url, output: PAYLOAD };
  const evidence = [{ id: 'xss-evidence', kind: 'writing', site: XSS[0], label: XSS[3], url: 'javascript:window.__xss=1;alert(1)' }];
  return [
    { ...base, id: 'xss-draft', kind: 'draft', updatedAt: 1, title: `Reply ${XSS[1]}`, evidence, result: { kind: 'draft', text: PAYLOAD } },
    {
      ...base,
      id: 'xss-react',
      kind: 'react',
      updatedAt: 4,
      title: `Reaction ${XSS[0]}`,
      evidence,
      result: { kind: 'react', sets: [{ key: 'attention', options: [XSS[0], XSS[1], XSS[3]], probabilities: [0.2, 0.3, 0.5], method: 'logprobs' }], thought: PAYLOAD, comment: PAYLOAD, cited: ['xss-evidence'] },
    },
    { ...base, id: 'xss-interview', kind: 'interview', updatedAt: 3, title: `Interview: ${XSS[2]}`, evidence, result: { kind: 'interview', known: true, answer: PAYLOAD, cited: ['xss-evidence'] } },
    {
      ...base,
      id: 'xss-survey',
      kind: 'survey',
      updatedAt: 2,
      title: `Survey: ${XSS[5]}`,
      evidence,
      result: { kind: 'survey', options: [{ option: '1', value: 1, label: XSS[1] }, { option: '2', value: 2, label: XSS[3] }], probabilities: [0.5, 0.5], expected: 1.5, reason: PAYLOAD },
    },
  ];
};

const open = async (url: string, dialogs: string[]): Promise<Page> => {
  const page = await doppel.context.newPage();
  page.on('dialog', (dialog) => {
    dialogs.push(`${page.url()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.goto(url.startsWith('http') ? url : `chrome-extension://${doppel.extensionId}/${url}`);
  return page;
};

/** Nothing ran, nothing was injected, and the hostile text is on the page as text. */
const expectInert = async (page: Page, visible: string[]) => {
  for (const text of visible) await page.getByText(text, { exact: false }).first().waitFor({ timeout: 15_000 });
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(await page.locator('img, svg, iframe, object, embed, script:not([src])').count()).toBe(0);
  expect(await page.locator('a[href^="javascript:" i], [onerror], [onload], [onclick]').count()).toBe(0);
};

test('an XSS corpus in page text and in model output renders inert in the panel, the popup and the options page', async () => {
  const dialogs: string[] = [];
  const hostile = await open(doppel.server.url('xss.html'), dialogs);
  const url = hostile.url();
  await expect.poll(async () => (await allRecords<{ url: string }>(doppel, 'pages')).map((p) => p.url)).toEqual([url]);
  await putRecords(doppel, 'jobs', seededJobs(url));

  for (const id of ['xss-draft', 'xss-react', 'xss-interview', 'xss-survey']) {
    const panel = await open(`panel/index.html?job=${id}`, dialogs);
    await panel.locator('[data-testid=job-phase][data-phase=done]').waitFor({ timeout: 15_000 });
    // A draft's text lives in its editable box (checked below), not as page text: its hostile title is what shows.
    await expectInert(panel, id === 'xss-draft' ? [XSS[1]] : [XSS[0], XSS[4], XSS[5]]);
    if (id === 'xss-draft') expect(await panel.getByTestId('draft-text').inputValue()).toBe(PAYLOAD);
    await panel.close();
  }

  const popup = await open(`popup/index.html?tabId=${await tabIdOf(doppel, url)}`, dialogs);
  await popup.locator('[data-testid=page-status] [data-captured=true]').waitFor({ timeout: 10_000 });
  await popup.locator('[data-testid=last-result]').nth(2).waitFor();
  // The page's own title (page text) and the seeded model output, both as text.
  await expectInert(popup, ['<img src=x onerror="window.__xss=1;alert(1)"> Harbour news', XSS[0], XSS[6]]);

  const options = await open('options/index.html#interview', dialogs);
  await options.getByTestId('past-interviews').waitFor({ timeout: 10_000 });
  await expectInert(options, [XSS[0], XSS[2]]);
  await options.goto(`chrome-extension://${doppel.extensionId}/options/index.html#history`);
  await expectInert(options, ['<img src=x onerror="window.__xss=1;alert(1)"> Harbour news']);

  expect(dialogs).toEqual([]);
  expectNoLeaks(doppel, ['mooring fees']);
});

test.skipIf(!HAS_MODEL)('a real reaction to a hostile page renders its title and evidence inert in the panel (stories260K)', async () => {
  await addStoriesModel(doppel);
  const dialogs: string[] = [];
  const hostile = await open(doppel.server.url('xss.html'), dialogs);
  await expect.poll(async () => (await allRecords(doppel, 'pages')).length).toBe(1);
  const panelOpened = doppel.context.waitForEvent('page', { predicate: (p) => p.url().includes('/panel/index.html') });
  await clickContextMenu(doppel, 'doppel-predict-reaction', hostile.url(), XSS.join(' '));
  const panel = await panelOpened;
  panel.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await panel.locator('[data-testid=job-phase][data-phase=done]').waitFor({ timeout: 60_000 });
  await expectInert(panel, ['Your reaction to a selection']);
  expect(dialogs).toEqual([]);
  expectNoLeaks(doppel, ['mooring fees']);
});
