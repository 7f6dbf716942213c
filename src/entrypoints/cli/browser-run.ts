import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import type { DoppelExport } from '../../core/export/schema';
import type { FidelityReport } from '../../core/fidelity/report';

export interface BrowserRunInput {
  history: DoppelExport;
  /** A GGUF file for the CPU engine. */
  modelPath: string;
  dist: string;
  chromiumPath: string;
  /** Every request the browser makes goes here; by default a closed port, so nothing can leave. */
  proxy: string;
  timeoutMs: number;
  /** Newest records scored per task (at least 20); unset, the report's own default (30). */
  maxItems?: number;
  /** Also the rerank rows (4 drafts per item): what the product's best-of-several gains over its first draft. */
  rerank?: boolean;
  /** Also the engine as a pairwise judge of its drafts (persona against none; the real reply against none). */
  judge?: boolean;
  /** How often a running report's progress is logged. */
  progressEveryMs: number;
  log: (line: string) => void;
}

/**
 * The CPU-engine mode of `npm run eval`: the built extension in headless Chromium, in a throwaway
 * profile, runs the same report as Options → Fidelity (wllama needs a browser), and hands it back.
 */
export const runInBrowser = async (input: BrowserRunInput): Promise<FidelityReport> => {
  if (!existsSync(join(input.dist, 'manifest.json'))) throw new Error('dist/ is missing: run `npm run build` first.');
  if (!existsSync(input.chromiumPath)) throw new Error(`No Chromium at ${input.chromiumPath}. Install one or set DOPPEL_CHROMIUM.`);
  const profile = mkdtempSync(join(tmpdir(), 'doppel-eval-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: input.chromiumPath,
    headless: true,
    args: [
      `--disable-extensions-except=${input.dist}`,
      `--load-extension=${input.dist}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      // Chromium's own sign-in and update traffic, pointed at a closed port.
      '--gaia-url=http://127.0.0.1:9',
      '--google-apis-url=http://127.0.0.1:9',
      '--component-updater=url-source=http://127.0.0.1:9/cu',
      `--proxy-server=${input.proxy}`,
    ],
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
    const extensionId = new URL(worker.url()).host;
    const page = await context.newPage();
    input.log(`Loading ${basename(input.modelPath)} into the CPU engine…`);
    await page.goto(`chrome-extension://${extensionId}/options/index.html#model`);
    await page.getByTestId('add-model-file').setInputFiles(input.modelPath);
    await page.locator('[data-testid=engine-summary][data-engine=wllama]').getByText(basename(input.modelPath).replace(/\.gguf$/i, '')).waitFor({ timeout: 120_000 });
    await worker.evaluate(seed, { pages: input.history.pages, writings: input.history.writings, reactions: input.history.reactions, personas: input.history.personas });
    input.log('Running the fidelity report…');
    await page.goto(`chrome-extension://${extensionId}/options/index.html#fidelity`);
    if (input.maxItems === undefined && !input.rerank && !input.judge) await page.getByTestId('fidelity-run').click();
    else {
      // The button has neither option: start the same run with them, as the button would, and show it.
      const params = { ...(input.maxItems !== undefined ? { maxItems: input.maxItems } : {}), ...(input.rerank ? { rerank: true } : {}), ...(input.judge ? { judge: true } : {}) };
      const started = await page.evaluate((params) => chrome.runtime.sendMessage({ method: 'fidelity.run', params, to: 'background' }), params);
      if (!started?.ok) throw new Error(started?.error?.message ?? 'The fidelity report did not start.');
      await page.reload();
    }
    await waitReporting(page, input);
    const report = await worker.evaluate(readLatestReport, undefined);
    if (!report) throw new Error('The extension finished without a report.');
    return report as FidelityReport;
  } finally {
    await context.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  }
};

// A report on a small CPU model takes about an hour: say how far it is once a minute, in the
// report's own words (Options → Fidelity's status line), so a long run is not a silent one.
const waitReporting = async (page: Page, input: BrowserRunInput): Promise<void> => {
  const finished = page.locator('[data-testid=fidelity-report][data-status=done], [data-testid=fidelity-report][data-status=failed]');
  const started = Date.now();
  let said = '';
  for (;;) {
    const left = input.timeoutMs - (Date.now() - started);
    if (left <= 0) throw new Error(`The fidelity report did not finish within ${Math.round(input.timeoutMs / 60_000)} minutes (${said || 'no progress shown'}). Set DOPPEL_EVAL_TIMEOUT_MS to wait longer.`);
    try {
      await finished.waitFor({ timeout: Math.min(input.progressEveryMs, left) });
      return;
    } catch (failure) {
      if (!(failure instanceof Error) || failure.name !== 'TimeoutError') throw failure;
    }
    const status = (await page.locator('[data-testid=fidelity-report] [role=status]').textContent({ timeout: 5_000 }).catch(() => null))?.trim() ?? '';
    const minutes = Math.round((Date.now() - started) / 60_000);
    input.log(`${minutes} min: ${status || 'starting…'}`);
    said = status;
  }
};

// These two run inside the extension's service worker.
const seed = (data: Record<string, unknown[]>) =>
  new Promise<void>((done, reject) => {
    const open = indexedDB.open('doppel');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction(Object.keys(data), 'readwrite');
      for (const [store, records] of Object.entries(data)) for (const record of records) tx.objectStore(store).put(record);
      tx.oncomplete = () => (open.result.close(), done());
      tx.onerror = () => reject(tx.error);
    };
  });

const readLatestReport = () =>
  new Promise<unknown>((done, reject) => {
    const open = indexedDB.open('doppel');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const request = open.result.transaction('reports').objectStore('reports').index('byCreatedAt').openCursor(null, 'prev');
      request.onsuccess = () => (open.result.close(), done(request.result?.value));
      request.onerror = () => reject(request.error);
    };
  });
