import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { afterAll, afterEach } from 'vitest';
import { startFixtureServer, type FixtureServer } from './fixture-server';
import { NetworkAudit } from './network-audit';

export const REPO = resolve(import.meta.dirname, '../..');
export const DIST = join(REPO, 'dist');
export const STORIES_MODEL = resolve(REPO, '../shared/fixtures/models/stories260K.gguf');
export const HAS_MODEL = existsSync(STORIES_MODEL);
export const MODEL_SKIP_REASON = `needs ${STORIES_MODEL} (the shared fixtures beside the repo)`;
export const CHROMIUM = process.env.DOPPEL_CHROMIUM ?? '/usr/bin/chromium';

// Offscreen documents are CDP targets of type "other": without this Playwright sees neither them
// nor their requests.
process.env.PW_CHROMIUM_ATTACH_TO_OTHER = '1';

export interface LaunchOptions {
  webgpu?: boolean;
  /**
   * The fixture server is on 127.0.0.1, which Doppel's default deny list excludes (intranet). By
   * default the test's own origin is added to the user allow patterns so fixture pages are
   * captured; pass false to see Doppel as a fresh user would.
   */
  allowTestOrigin?: boolean;
  /** Tests start with capture consented to, as after onboarding; false starts as a fresh install. */
  consent?: boolean;
  /** A profile folder to reuse (a browser restart); it is kept on close. Fresh and removed by default. */
  profile?: string;
  /**
   * An X display (e.g. Xvfb's ":97") to run a headed browser on, for what headless cannot do: a real
   * right-click opening Chromium's own context menu (tests/e2e/x-display.ts).
   */
  display?: string;
}

export interface Doppel {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  server: FixtureServer;
  audit: NetworkAudit;
  /** The browser profile folder. */
  profile: string;
  page(path: string): Promise<Page>;
  /**
   * Runs `fn` in the extension's service worker (where chrome.* is available). After
   * `stopServiceWorker` nothing wakes the stopped worker for this, and it waits about a minute:
   * read from an extension page (`allRecordsIn`) until something else has started the worker.
   */
  inWorker<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
  /** Waits for the offscreen engine host to be a page Playwright can see. */
  offscreen(): Promise<Page>;
  close(): Promise<void>;
}

/**
 * The network audit is the harness's, not each test's: after EVERY test, every Doppel launched in
 * this file is checked for requests that left the machine since the last check (a Doppel closed
 * during the test is checked as it closes). A test that forgets expectNoLeaks is still audited.
 */
const live = new Set<Doppel>();
const audited = new WeakMap<NetworkAudit, number>();
const found: string[] = [];
const auditSinceLastCheck = (doppel: Doppel) => {
  const from = audited.get(doppel.audit) ?? 0;
  audited.set(doppel.audit, doppel.audit.entries.length);
  const fresh = new NetworkAudit();
  fresh.entries.push(...doppel.audit.entries.slice(from));
  found.push(...fresh.violations(doppel.server.origin).map((v) => `${v.method} ${v.url} (${v.via})`));
};
const failOnViolations = (when: string) => () => {
  for (const doppel of live) auditSinceLastCheck(doppel);
  const violations = found.splice(0);
  if (violations.length) throw new Error(`Network audit: requests left the machine ${when}:\n${violations.join('\n')}`);
};
afterEach(failOnViolations('during this test'));
// A Doppel shared by a file's tests closes in afterAll: what it did last is audited there.
afterAll(failOnViolations('after the last test'));

export const launchDoppel = async (options: LaunchOptions = {}): Promise<Doppel> => {
  if (!existsSync(join(DIST, 'manifest.json'))) throw new Error('dist/ is missing: run `npm run build` first.');
  const audit = new NetworkAudit();
  const proxyPort = await audit.startProxy();
  const server = await startFixtureServer(join(import.meta.dirname, 'fixtures'));
  const profile = options.profile ?? mkdtempSync(join(tmpdir(), 'doppel-e2e-'));
  // Text in a field makes Chromium fetch spell-check dictionaries from Google: switch spell-check off.
  if (!options.profile) {
    mkdirSync(join(profile, 'Default'));
    writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify({ browser: { enable_spellchecking: false }, spellcheck: { dictionaries: [], dictionary: '' } }));
  }
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: !options.display,
    // Headed, the window's own size is the page's: screen coordinates then follow from it.
    ...(options.display ? { env: { ...process.env, DISPLAY: options.display }, viewport: null } : {}),
    args: [
      ...(options.display ? ['--window-position=0,0', '--window-size=1200,800'] : []),
      `--disable-extensions-except=${DIST}`,
      `--load-extension=${DIST}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--gaia-url=http://127.0.0.1:9',
      '--google-apis-url=http://127.0.0.1:9',
      '--component-updater=url-source=http://127.0.0.1:9/cu',
      // Pages with forms make Chromium's autofill ask Google about them; point it at nothing.
      '--autofill-server-url=http://127.0.0.1:9/af/',
      `--proxy-server=http://127.0.0.1:${proxyPort}`,
      ...(options.webgpu ? ['--enable-unsafe-webgpu'] : []),
    ],
  });
  audit.watch(context);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  await worker.evaluate(
    ({ origin, allow, consent }) => chrome.storage.local.set({ 'capture.consent': consent, ...(allow ? { 'capture.allowPatterns': [`${origin}/*`] } : {}) }),
    { origin: server.origin, allow: options.allowTestOrigin !== false, consent: options.consent !== false },
  );
  // After the service worker is killed and restarted it is a new Worker object.
  const currentWorker = () =>
    context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`)) ?? worker;
  const doppel: Doppel = {
    context,
    extensionId,
    worker,
    server,
    audit,
    profile,
    async page(path) {
      const page = await context.newPage();
      await page.goto(path.startsWith('http') ? path : `chrome-extension://${extensionId}/${path}`);
      return page;
    },
    inWorker: (fn, arg) => currentWorker().evaluate(fn as never, arg) as never,
    async offscreen() {
      const url = `chrome-extension://${extensionId}/offscreen/index.html`;
      for (let i = 0; i < 100; i++) {
        const found = context.pages().concat(context.backgroundPages()).find((p) => p.url() === url);
        if (found) return found;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error('The offscreen document never appeared.');
    },
    async close() {
      if (!live.delete(doppel)) return;
      await context.close().catch(() => {});
      auditSinceLastCheck(doppel);
      await server.close();
      await audit.stop();
      if (!options.profile) rmSync(profile, { recursive: true, force: true });
    },
  };
  live.add(doppel);
  return doppel;
};

/** Every e2e test ends here: nothing may have left the machine, and nothing captured may have left Doppel. */
export const expectNoLeaks = (doppel: Doppel, secrets: string[] = []): void => {
  const violations = doppel.audit.violations(doppel.server.origin);
  if (violations.length) throw new Error(`Requests left the machine:\n${violations.map((v) => `${v.method} ${v.url} (${v.via})`).join('\n')}`);
  const leaks = doppel.audit.leaks(secrets);
  if (leaks.length) throw new Error(`Captured text was sent out:\n${leaks.map((v) => `${v.method} ${v.url}`).join('\n')}`);
};
