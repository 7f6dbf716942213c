import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { seeded } from '../seeded';
import { expectNoLeaks, HAS_MODEL, launchDoppel, MODEL_SKIP_REASON, type Doppel } from './harness';
import { addStoriesModel, allRecordsIn, putJob } from './helpers';

/**
 * The real extension, one browser: the service worker stopped over CDP at seeded moments while
 * tabs are being captured, and the offscreen engine host closed mid-generation. Many cheap kills,
 * one launch. Node-level kills of every pipeline are in tests/unit/fault-injection.test.ts.
 */
let doppel: Doppel;
beforeAll(async () => {
  doppel = await launchDoppel();
});
afterAll(async () => {
  await doppel.close();
});

// Real prose (the Federalist papers) so that every page is an article readability keeps.
// The file is one long line: cut it into paragraphs of whole sentences.
const sentences = readFileSync(resolve(import.meta.dirname, '../fixtures/authorship/madison.train.txt'), 'utf8').split(/(?<=[.;?!])\s+/);
const prose = Array.from({ length: Math.floor(sentences.length / 5) }, (_, i) => sentences.slice(i * 5, i * 5 + 5).join(' '));
const article = (i: number) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Paper ${i}: on factions</title></head><body><article><h1>Paper ${i}: on factions</h1>${[0, 1, 2, 3]
    .map((k) => `<p>${prose[(i * 4 + k) % prose.length]!.replace(/[<&]/g, ' ')}</p>`)
    .join('')}</article></body></html>`;

test('the service worker stopped at seeded moments during capture bursts: every page read is stored once', { timeout: 300_000 }, async () => {
  const rng = seeded(1410);
  const PAGES = 36;
  for (let i = 0; i < PAGES; i++) doppel.server.serve(`paper-${i}.html`, article(i), 'text/html');
  const options = await doppel.page('options/index.html');
  const cdp = await doppel.context.newCDPSession(options);
  await cdp.send('ServiceWorker.enable');
  let running = true;
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) if (v.scriptURL.endsWith('/background.js')) running = v.runningStatus === 'running' || v.runningStatus === 'starting';
  });
  let kills = 0;
  const kill = async () => {
    if (!running) return;
    await cdp.send('ServiceWorker.stopAllWorkers');
    kills++;
  };
  for (let burst = 0; burst < PAGES / 4; burst++) {
    const killers = [0, 1, 2].map(() => new Promise<void>((done) => setTimeout(() => void kill().finally(done), rng.int(2500))));
    const tabs = await Promise.all(
      [0, 1, 2, 3].map(async (k) => {
        const page = await doppel.context.newPage();
        await page.goto(doppel.server.url(`paper-${burst * 4 + k}.html`)).catch(() => {});
        return page;
      }),
    );
    await Promise.all(killers);
    await new Promise((r) => setTimeout(r, 1500));
    await Promise.all(tabs.map((t) => t.close({ runBeforeUnload: true }).catch(() => {})));
  }
  const stored = async () => (await allRecordsIn<{ url: string; visitCount: number }>(options, 'pages')).filter((p) => /paper-\d+\.html$/.test(p.url));
  // Give a restarted worker time to catch up; a page still missing after that is lost.
  await expect.poll(async () => (await stored()).length, { timeout: 30_000, interval: 250 }).toBeGreaterThanOrEqual(PAGES).catch(() => {});
  const pages = await stored();
  // Visits counted twice would be a duplicate too: each paper was opened once.
  const lost = PAGES - new Set(pages.map((p) => p.url)).size;
  const duplicated = pages.length - new Set(pages.map((p) => p.url)).size + pages.filter((p) => p.visitCount > 1).length;
  console.log(`browser kills, capture: ${kills} service-worker kills over ${PAGES} pages, lost ${lost}, duplicated ${duplicated}`);
  expect(kills).toBeGreaterThanOrEqual(15);
  expect(lost).toBe(0);
  expect(duplicated).toBe(0);
  expectNoLeaks(doppel);
});

test.skipIf(!HAS_MODEL)(`the engine host closed mid-generation: every job ends done, or failed with a sentence (${HAS_MODEL ? 'stories260K' : MODEL_SKIP_REASON})`, { timeout: 300_000 }, async () => {
  const options = await addStoriesModel(doppel);
  let kills = 0;
  let stranded = 0;
  const ids: string[] = [];
  for (let round = 0; round < 6; round++) {
    const id = `host-kill-${round}`;
    ids.push(id);
    await putJob(doppel, { id, maxTokens: 1500, prompt: 'Once upon a time' });
    const panel = await doppel.page(`panel/index.html?job=${id}`);
    await panel.locator('[data-testid=job-phase][data-phase=streaming]').waitFor({ timeout: 30_000 });
    await doppel.inWorker(() => chrome.offscreen.closeDocument(), undefined);
    kills++;
    await panel.close();
    // The next request starts a new engine host, which settles what the dead one left running.
    await options.evaluate(() => chrome.runtime.sendMessage({ method: 'engine.status', params: {}, to: 'background' }));
  }
  const jobs = async () => (await allRecordsIn<{ id: string; status: string; error?: { message: string } }>(options, 'jobs')).filter((j) => ids.includes(j.id));
  await expect.poll(async () => (await jobs()).filter((j) => j.status === 'running' || j.status === 'queued').length, { timeout: 30_000 }).toBe(0);
  for (const job of await jobs()) if (!(job.status === 'done' || job.status === 'interrupted' || (job.status === 'failed' && /[.!?]$/.test(job.error?.message ?? '')))) stranded++;
  console.log(`browser kills, generation: ${kills} engine-host kills, statuses ${(await jobs()).map((j) => j.status).join(',')}, stranded ${stranded}`);
  expect(stranded).toBe(0);
  expectNoLeaks(doppel);
});
