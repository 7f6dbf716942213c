import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { startFixtureServer, type FixtureServer } from './fixture-server';
import { quietFirefoxPrefs } from './firefox-prefs';
import { REPO } from './harness';
import { NetworkAudit } from './network-audit';

export const FIREFOX = process.env.DOPPEL_FIREFOX ?? '/usr/bin/firefox-esr';
export const HAS_FIREFOX = existsSync(FIREFOX);
export const DIST_FIREFOX = join(REPO, 'dist-firefox');
export const GECKO_ID = 'doppel@doppel.local';
/** Fixed up front so the add-on's pages have known addresses. */
export const ADDON_UUID = '5a3c1e7d-0b64-4a3f-9f0c-6d1d2e8b9a11';

export const buildFirefox = (): void => {
  execFileSync('npm', ['run', 'build:firefox'], { cwd: REPO, stdio: 'pipe' });
};

export interface FirefoxDoppel {
  browser: Browser;
  server: FixtureServer;
  audit: NetworkAudit;
  /** An extension page, loaded (BiDi sends no load events for moz-extension:// pages). */
  page(path: string): Promise<Page>;
  url(path: string): string;
  close(): Promise<void>;
}

/** Waits for an extension page to finish loading by polling it, as firefox-testing.md says. */
export const settle = async (page: Page, href: string, timeoutMs = 20_000): Promise<void> => {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const state = await page.evaluate(() => [location.href, document.readyState]).catch(() => null);
    if (state && state[0] === href && state[1] === 'complete') return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${href} never finished loading`);
};

export const launchFirefoxDoppel = async (): Promise<FirefoxDoppel> => {
  const audit = new NetworkAudit();
  const proxyPort = await audit.startProxy();
  const server = await startFixtureServer(join(import.meta.dirname, 'fixtures'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    args: ['--remote-allow-system-access'],
    // Release builds ignore services.settings.server without the first; the second makes Firefox
    // abort on any non-local connection: a tripwire under the proxy.
    env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1', MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1' },
    extraPrefsFirefox: { ...quietFirefoxPrefs(proxyPort), 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: ADDON_UUID }) },
  });
  await browser.installExtension(DIST_FIREFOX);
  const url = (path: string) => `moz-extension://${ADDON_UUID}/${path}`;
  return {
    browser,
    server,
    audit,
    url,
    async page(path) {
      const page = await browser.newPage();
      const href = url(path);
      void page.goto(href).catch(() => {});
      await settle(page, href);
      return page;
    },
    async close() {
      await browser.close().catch(() => {});
      await server.close();
      await audit.stop();
    },
  };
};
