import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { addDemoModel, DEMO_MODEL, DEMO_WAITS } from './demo-model';
import { expectNoLeaks, launchDoppel, REPO, type Doppel } from './harness';
import { allRecords, tabIdOf, waitCaptured } from './helpers';

// `npm run screenshots` writes the README's pictures into docs/screenshots; a plain test run keeps
// them out of the tree, in test-results/.
const DIR = process.env.DOPPEL_SCREENSHOTS === '1' ? join(REPO, 'docs/screenshots') : join(REPO, 'test-results/screenshots');
const HAS_DEMO_MODEL = existsSync(DEMO_MODEL.path);

interface Surface {
  name: string;
  path: string;
  width: number;
  height: number;
  /** Brings the page to the state worth showing (and waits for it). */
  ready?: (page: Page) => Promise<void>;
}

let doppel: Doppel;
const surfaces: Surface[] = [];

// Real content everywhere: the demo loaded, the demo model installed, the persona rebuilt, a draft
// and a reaction made by the engine, so each picture (and the text scan) sees what a user sees.
beforeAll(async () => {
  mkdirSync(DIR, { recursive: true });
  doppel = await launchDoppel();
  if (!HAS_DEMO_MODEL) return;
  const article = await doppel.context.newPage();
  await article.goto(doppel.server.url('article-one.html'));
  await waitCaptured(doppel, article.url());
  const tabId = await tabIdOf(doppel, article.url());
  const options = await addDemoModel(doppel);
  await options.evaluate(() => chrome.runtime.sendMessage({ method: 'demo.load', params: {}, to: 'background' }));
  await options.goto(`chrome-extension://${doppel.extensionId}/options/index.html#persona`);
  await options.getByTestId('rebuild-persona').click();
  const status = async () => (await allRecords<{ id: string; status: string }>(doppel, 'pipelines')).find((p) => p.id === 'persona-rebuild')?.status;
  for (const until = Date.now() + DEMO_WAITS.rebuildMs; (await status()) !== 'done'; ) {
    if (Date.now() > until) throw new Error(`the persona rebuild did not finish: ${await status()}`);
    await new Promise((r) => setTimeout(r, 500));
  }

  const run = async (kind: 'draft' | 'react') => {
    const { value } = await options.evaluate(
      ({ kind, tabId }) => chrome.runtime.sendMessage({ method: 'jobs.create', params: { kind, tabId, fromTab: true }, to: 'background' }),
      { kind, tabId },
    );
    const panel = await doppel.page(`panel/index.html?job=${value.jobId}`);
    await panel.locator('[data-testid=job-phase][data-phase=done]').waitFor({ timeout: DEMO_WAITS.jobMs });
    await panel.close();
    return value.jobId as string;
  };
  const draft = await run('draft');
  const reaction = await run('react');

  const sections = ['model', 'persona', 'interview', 'fidelity', 'history', 'data'];
  surfaces.push(
    { name: 'welcome', path: 'onboarding/index.html', width: 900, height: 900 },
    { name: 'popup', path: `popup/index.html?tabId=${tabId}`, width: 380, height: 600, ready: async (p) => void (await p.locator('[data-captured=true]').waitFor()) },
    { name: 'side-panel-draft', path: `panel/index.html?job=${draft}`, width: 400, height: 800, ready: async (p) => void (await p.getByTestId('draft-actions').waitFor()) },
    { name: 'side-panel-reaction', path: `panel/index.html?job=${reaction}`, width: 400, height: 900, ready: async (p) => void (await p.getByTestId('reaction-result').waitFor()) },
    {
      name: 'side-panel-interview',
      path: 'panel/index.html',
      width: 400,
      height: 700,
      ready: async (p) => {
        await p.getByRole('button', { name: 'Interview my Doppel' }).click();
        await p.getByTestId('interview-chat').waitFor();
      },
    },
    ...sections.map((id) => ({ name: `options-${id}`, path: `options/index.html#${id}`, width: 1100, height: 900 })),
  );
}, DEMO_WAITS.setupMs);

afterAll(async () => {
  expectNoLeaks(doppel);
  await doppel.close();
});

const open = async (surface: Surface, scheme: 'light' | 'dark'): Promise<Page> => {
  const page = await doppel.context.newPage();
  await page.emulateMedia({ colorScheme: scheme });
  await page.setViewportSize({ width: surface.width, height: surface.height });
  await page.goto(`chrome-extension://${doppel.extensionId}/${surface.path}`);
  await page.locator('h1').first().waitFor();
  await surface.ready?.(page);
  await page.waitForTimeout(500);
  return page;
};

test.skipIf(!HAS_DEMO_MODEL)(`every surface in light and dark, on the demo and ${DEMO_MODEL.name}`, async () => {
  expect(surfaces.length).toBe(11);
  for (const scheme of ['light', 'dark'] as const) {
    for (const surface of surfaces) {
      const page = await open(surface, scheme);
      const png = await page.screenshot({ path: join(DIR, `${surface.name}-${scheme}.png`), fullPage: true });
      expect(png.length).toBeGreaterThan(5_000);
      await page.close();
    }
  }
});

// What a person reads: never the model's raw JSON, a byte count in raw megabytes, or a code name.
const RAW_JSON = /[{[]\s*"[A-Za-z_]+"\s*:/;
const RAW_BYTES = /\b\d{4,}(\.\d+)?\s?(MB|KB|kB|GB|bytes)\b/;
const CODE_NAME = /\b[a-z]+(?:[A-Z][a-z0-9]+)+\b/g;

test.skipIf(!HAS_DEMO_MODEL)('no surface shows raw model output, an unformatted byte count or a code name', async () => {
  const found: string[] = [];
  for (const surface of surfaces) {
    const page = await open(surface, 'light');
    // Everything a user could expand is opened first, so nothing is scanned only when collapsed.
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    // Each visible text node on its own: a label beside a button is two strings, not one word.
    const text = await page.evaluate(() => {
      const parts: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement?.checkVisibility() && node.textContent?.trim()) parts.push(node.textContent.trim());
      }
      return parts.join('\n');
    });
    if (RAW_JSON.test(text)) found.push(`${surface.name}: raw JSON near "${text.slice(text.search(RAW_JSON), text.search(RAW_JSON) + 60)}"`);
    if (RAW_BYTES.test(text)) found.push(`${surface.name}: unformatted size "${RAW_BYTES.exec(text)![0]}"`);
    for (const [word] of text.matchAll(CODE_NAME)) found.push(`${surface.name}: code name "${word}"`);
    await page.close();
  }
  expect(found).toEqual([]);
});

test.skipIf(!HAS_DEMO_MODEL)('the popup stays within 600 px tall at 380 px wide with a finished draft in it', async () => {
  const surface = surfaces.find((s) => s.name === 'popup')!;
  const page = await open(surface, 'light');
  await page.getByRole('button', { name: 'Draft a reply' }).click();
  // The task just started comes first; the last results below hold finished ones.
  await page.locator('[data-testid=job-phase][data-phase=done]').first().waitFor({ timeout: DEMO_WAITS.jobMs });
  await page.getByTestId('draft-actions').first().waitFor();
  await page.waitForTimeout(500);
  // The popup sizes to its content: measure the content, in a viewport tall enough not to clip it.
  await page.setViewportSize({ width: 380, height: 1400 });
  const height = await page.evaluate(() => Math.ceil(document.querySelector('main')!.getBoundingClientRect().height));
  console.log(`popup with a finished draft: ${height} px tall at 380 px wide`);
  await page.screenshot({ path: join(DIR, 'popup-draft-light.png'), fullPage: true });
  expect(height).toBeLessThanOrEqual(600);
  await page.close();
}, DEMO_WAITS.jobMs + 120_000);
