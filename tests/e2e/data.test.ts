import { afterEach, beforeEach, expect, test } from 'vitest';
import { expectNoLeaks, launchDoppel, type Doppel } from './harness';
import { allRecords, dumpDatabase } from './helpers';

let doppel: Doppel;
beforeEach(async () => {
  doppel = await launchDoppel();
});
afterEach(async () => {
  await doppel.close();
});

const userData = async () => {
  const dump = await dumpDatabase(doppel);
  // Records as sorted-key JSON: the same record whatever order its fields were written in.
  const canonical = (rows: string[]) => rows.map((row) => JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(row) as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1))))).sort();
  return { pages: canonical(dump.pages!), writings: canonical(dump.writings!), reactions: canonical(dump.reactions!) };
};

test('Options → Data: search, storage use, Export → Delete all → Import gives back identical records', async () => {
  for (const file of ['article-one.html', 'article-two.html']) {
    const page = await doppel.context.newPage();
    await page.goto(doppel.server.url(file));
    await page.waitForTimeout(300);
  }
  const thread = await doppel.context.newPage();
  await thread.goto(doppel.server.url('comments.html'));
  await expect.poll(async () => (await allRecords(doppel, 'pages')).length).toBe(3);
  await thread.locator('#reply-c1 textarea').fill('Charge the café, yes, but keep it open.');
  await thread.locator('#reply-c1 button').click();
  await expect.poll(async () => (await allRecords(doppel, 'writings')).length).toBe(1);
  // Reactions reach IndexedDB through the batched ingest, a moment after the writing.
  await expect.poll(async () => (await allRecords(doppel, 'reactions')).length).toBeGreaterThan(0);
  const original = await userData();

  const options = await doppel.page('options/index.html#data');
  await expect.poll(() => options.getByTestId('storage-use').textContent()).toContain('3 pages, 1 writings');
  await options.getByTestId('data-search').fill('tidal pow');
  await expect.poll(() => options.getByTestId('data-count').textContent()).toBe('1');
  expect(await options.getByTestId('data-table').textContent()).toContain('Why tidal power is still waiting');

  const [download] = await Promise.all([options.waitForEvent('download'), options.getByTestId('export-data').click()]);
  const file = await download.path();
  expect(download.suggestedFilename()).toMatch(/^doppel-export-\d{4}-\d{2}-\d{2}\.json$/);

  await options.getByTestId('delete-all').click();
  await options.getByTestId('confirm-delete-all').click();
  await expect.poll(() => options.getByTestId('data-status').textContent()).toContain('deleted');
  expect(await userData()).toEqual({ pages: [], writings: [], reactions: [] });

  await options.getByTestId('import-data').setInputFiles(file);
  await expect.poll(() => options.getByTestId('data-status').textContent()).toContain('Imported');
  expect(await userData()).toEqual(original);
  expectNoLeaks(doppel, ['Pentland Firth', 'keep it open']);
});

test('deleting one record from Options → Data removes it and nothing else', async () => {
  for (const file of ['article-one.html', 'article-two.html']) {
    const page = await doppel.context.newPage();
    await page.goto(doppel.server.url(file));
  }
  await expect.poll(async () => (await allRecords(doppel, 'pages')).length).toBe(2);
  const options = await doppel.page('options/index.html#data');
  await options.getByTestId('data-search').fill('sourdough');
  await expect.poll(() => options.getByTestId('data-count').textContent()).toBe('1');
  await options.getByRole('button', { name: /^Delete A slow afternoon/ }).click();
  await expect.poll(async () => (await allRecords<{ title: string }>(doppel, 'pages')).map((p) => p.title)).toEqual(['Why tidal power is still waiting']);
  expectNoLeaks(doppel);
});
