import type { Page } from 'puppeteer-core';
import { afterEach, beforeAll, beforeEach, expect, test } from 'vitest';
import { buildFirefox, HAS_FIREFOX, launchFirefoxDoppel, type FirefoxDoppel } from './firefox-harness';
import { HAS_MODEL, STORIES_MODEL } from './harness';

/** Polls the page until `selector` matches (puppeteer's waitFor* need load events BiDi never sends here). */
const waitFor = async (page: Page, selector: string, timeoutMs = 30_000) => {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const found = await page.$(selector).catch(() => null);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${selector} did not appear within ${timeoutMs} ms; page text: ${(await page.evaluate(() => document.body.innerText).catch(() => '')).slice(0, 600)}`);
};

const clickButton = async (page: Page, name: string) => {
  const handle = await page.evaluateHandle((label) => [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === label && !b.disabled) ?? null, name);
  const button = handle.asElement();
  if (!button) throw new Error(`no enabled button "${name}"`);
  await (button as unknown as { click(): Promise<void> }).click();
};

let doppel: FirefoxDoppel;
const skip = !HAS_FIREFOX || !HAS_MODEL;

beforeAll(() => {
  if (!skip) buildFirefox();
}, 180_000);
// A fresh profile for every try: the flow starts from a new install.
beforeEach(async () => {
  if (!skip) doppel = await launchFirefoxDoppel();
});
afterEach(async () => {
  await doppel?.close();
});

test.skipIf(skip)('Firefox ESR: install → welcome → consent → capture → add stories260K → draft → reaction, on the CPU engine, with nothing off loopback', async () => {
  // Install opens the welcome page; consent starts off and is turned on there.
  const welcome = await doppel.page('onboarding/index.html');
  await waitFor(welcome, '[data-testid=capture-consent][data-on=false]');
  const toggle = await waitFor(welcome, '[data-testid=consent-toggle]:not([disabled])');
  await toggle.click();
  await waitFor(welcome, '[data-testid=capture-consent][data-on=true]');
  // 127.0.0.1 is an intranet address Doppel skips by default: allow the test's own server, as a user would in Options → Data.
  await welcome.evaluate((origin) => browser.storage.local.set({ 'capture.allowPatterns': [`${origin}/*`] }), doppel.server.origin);

  // A page is read and captured.
  const article = await doppel.browser.newPage();
  await article.goto(doppel.server.url('article-one.html'));
  const tabId = await welcome.evaluate(async () => {
    const [tab] = await browser.tabs.query({ url: 'http://127.0.0.1/*' });
    return tab?.id ?? -1;
  });
  expect(tabId).toBeGreaterThan(0);

  // Options → Model → Add a model from a file: the CPU engine (wllama, its worker a packaged file) loads it.
  const options = await doppel.page('options/index.html#model');
  const input = await waitFor(options, '[data-testid=add-model-file]');
  await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(STORIES_MODEL);
  await waitFor(options, '[data-testid=model-list]');
  await expect.poll(() => options.evaluate(() => document.querySelector('[data-testid=model-list]')?.textContent ?? ''), { timeout: 30_000 }).toContain('stories260K');
  await waitFor(options, '[data-testid=engine-summary][data-engine=wllama]', 30_000);

  // The popup, about the article's tab: the page is captured; a draft streams from the real engine.
  const popup = await doppel.page(`popup/index.html?tabId=${tabId}`);
  await waitFor(popup, '[data-testid=page-status] [data-captured=true]', 30_000);
  await clickButton(popup, 'Draft a reply');
  await waitFor(popup, '[data-testid=job-phase][data-phase=done]', 90_000);
  const draft = await popup.$eval('[data-testid=draft-text]', (el) => (el as HTMLTextAreaElement).value);
  expect(draft.trim().length).toBeGreaterThan(10);
  const tokens = Number(await popup.$eval('[data-testid=token-count]', (el) => el.textContent));
  expect(tokens).toBeGreaterThan(5);

  // A reaction from the same engine, shown as a result (never raw model output).
  const again = await doppel.page(`popup/index.html?tabId=${tabId}`);
  await waitFor(again, '[data-testid=page-status] [data-captured=true]', 30_000);
  await clickButton(again, 'How would I react?');
  await waitFor(again, '[data-testid=reaction-result]', 90_000);
  const text = await again.evaluate(() => document.body.innerText);
  expect(text).not.toMatch(/\{\s*"/);

  // The engine ran in the background page (Firefox has no offscreen document).
  const host = await again.evaluate(async () => {
    const bg = (await browser.runtime.getBackgroundPage()) as Window & typeof globalThis;
    return { offscreen: typeof (globalThis as { chrome?: { offscreen?: unknown } }).chrome?.offscreen, background: bg.location.pathname };
  });
  expect(host.offscreen).toBe('undefined');

  // Nothing but loopback: the refusing proxy saw no request at all.
  expect(doppel.audit.entries.filter((e) => e.via === 'proxy')).toEqual([]);
}, 300_000);
