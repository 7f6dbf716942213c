import type { Page } from 'playwright-core';
import { STORIES_MODEL, type Doppel } from './harness';

/** Installs stories260K the way a user installs a model offline: Options → Model → Add a model from a file. */
export const addStoriesModel = async (doppel: Doppel): Promise<Page> => {
  const options = await doppel.page('options/index.html#model');
  await options.getByTestId('add-model-file').setInputFiles(STORIES_MODEL);
  await options.getByTestId('model-list').getByText('stories260K').waitFor({ timeout: 30_000 });
  await options.locator('[data-testid=engine-summary][data-engine=wllama]').getByText('stories260K').waitFor({ timeout: 30_000 });
  return options;
};

export const tabIdOf = (doppel: Doppel, url: string): Promise<number> =>
  doppel.inWorker(async (u) => {
    const [tab] = await chrome.tabs.query({ url: u });
    if (!tab?.id) throw new Error(`no tab for ${u}`);
    return tab.id;
  }, url);

/** Fires Doppel's own context-menu listener, as a right-click would (menus can't be clicked headless). */
export const clickContextMenu = (doppel: Doppel, menuItemId: string, pageUrl: string, selectionText?: string) =>
  doppel.inWorker(
    async ({ menuItemId, pageUrl, selectionText }) => {
      const [tab] = await chrome.tabs.query({ url: pageUrl });
      const info = { menuItemId, pageUrl, editable: false, ...(selectionText ? { selectionText } : {}) };
      (chrome.contextMenus.onClicked as unknown as { dispatch(i: unknown, t: unknown): void }).dispatch(info, tab);
    },
    { menuItemId, pageUrl, selectionText },
  );

export const tokenCount = async (page: Page): Promise<number> => Number(await page.getByTestId('token-count').textContent());

export const engineStatus = (doppel: Doppel) =>
  doppel.inWorker(async () => {
    const reply = await chrome.runtime.sendMessage({ method: 'host.status', params: {}, to: 'engine-host' });
    return reply.value as { state: string; engine: string | null; queued: number };
  }, undefined);

/** Reads a whole IndexedDB store of Doppel's; runs inside the extension (worker or page). */
const readStore = <T,>(name: string) =>
  new Promise<T[]>((resolve, reject) => {
    const open = indexedDB.open('doppel');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const request = open.result.transaction(name).objectStore(name).getAll();
      request.onsuccess = () => {
        open.result.close();
        resolve(request.result as T[]);
      };
      request.onerror = () => reject(request.error);
    };
  });

export const allRecords = <T = Record<string, unknown>>(doppel: Doppel, store: string): Promise<T[]> => doppel.inWorker(readStore<T>, store);

/** The same from an extension page: works while the service worker is stopped. */
export const allRecordsIn = <T = Record<string, unknown>>(page: Page, store: string): Promise<T[]> => page.evaluate(readStore, store) as Promise<T[]>;

/**
 * Delivers a real runtime message to Doppel's own onMessage listener (the router), as if a content
 * script in a tab described by `sender` sent it. For senders a headless test cannot create, such
 * as a tab in an incognito window Doppel is not allowed into.
 */
export const dispatchMessage = <T = unknown>(doppel: Doppel, method: string, params: unknown, sender: { url: string; tab: { id: number; incognito?: boolean } }) =>
  doppel.inWorker(
    async ({ method, params, sender }) => {
      const dispatched = (chrome.runtime.onMessage as unknown as { dispatch(m: unknown, s: unknown, r: () => void): { results: unknown[] } }).dispatch(
        { method, params, to: 'background' },
        { id: chrome.runtime.id, ...sender, frameId: 0 },
        () => {},
      );
      const answers = await Promise.all(dispatched.results);
      return answers.find((a) => a !== undefined) as T;
    },
    { method, params, sender },
  );

/** Every record in every one of Doppel's IndexedDB stores, as JSON text, for scanning. */
export const dumpDatabase = (doppel: Doppel): Promise<Record<string, string[]>> =>
  doppel.inWorker(
    () =>
      new Promise<Record<string, string[]>>((resolve, reject) => {
        const open = indexedDB.open('doppel');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names);
          const out: Record<string, string[]> = {};
          for (const name of names) {
            const request = tx.objectStore(name).getAll();
            request.onsuccess = () => {
              out[name] = request.result.map((r) => JSON.stringify(r, (_k, v) => (v instanceof Blob ? `[blob ${v.size}]` : v)));
            };
          }
          tx.oncomplete = () => {
            db.close();
            resolve(out);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    undefined,
  );

/** Sets capture settings the way Options → Data saves them: typed items in storage.local. */
export const setSettings = (doppel: Doppel, items: Record<string, unknown>) => doppel.inWorker((i) => chrome.storage.local.set(i), items);

/** Calls a method of the offscreen engine host from the service worker, as the background does. */
export const callHost = <T>(doppel: Doppel, method: string, params: unknown) =>
  doppel.inWorker(
    async ({ method, params }) => {
      const reply = await chrome.runtime.sendMessage({ method, params, to: 'engine-host' });
      return reply as { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
    },
    { method, params },
  );

/** Stores a generation job directly (as the background would), so a test controls its length. */
export const putJob = (doppel: Doppel, job: { id: string; maxTokens: number; prompt: string }) =>
  doppel.inWorker(
    ({ id, maxTokens, prompt }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('doppel');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const now = Date.now();
          const tx = open.result.transaction('jobs', 'readwrite');
          tx.objectStore('jobs').put({
            id, kind: 'draft', status: 'queued', createdAt: now, updatedAt: now, title: 'A test job',
            messages: [{ role: 'user', content: prompt }], maxTokens, temperature: 0.8, output: '', tokens: 0,
          });
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    job,
  );

export const jobById = async (doppel: Doppel, jobId: string) =>
  (await allRecords<{ id: string; status: string; tokens: number; maxTokens: number; output: string }>(doppel, 'jobs')).find((job) => job.id === jobId);

/** Waits until Doppel has stored the page at `url` (capture waits for the page to go idle). */
export const waitCaptured = async (doppel: Doppel, url: string, timeout = 20_000): Promise<void> => {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if ((await allRecords<{ url: string }>(doppel, 'pages')).some((p) => url.startsWith(p.url))) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Doppel never captured ${url}`);
};

/** Fires a manifest command (a keyboard shortcut) in the tab showing `pageUrl`: headless Chromium has no window to route the keys to. */
export const fireCommand = (doppel: Doppel, command: string, pageUrl: string) =>
  doppel.inWorker(
    async ({ command, pageUrl }) => {
      const [tab] = await chrome.tabs.query({ url: pageUrl });
      (chrome.commands.onCommand as unknown as { dispatch(c: string, t: unknown): void }).dispatch(command, tab);
    },
    { command, pageUrl },
  );

/**
 * Doppel's side panel: the panel page without a query. A `?job=` window (the fallback when the
 * panel did not open) or an `?error=` window is never it; when one of those appears instead, the
 * failure says which, and the error's sentence, rather than timing out on the wrong page. Chrome
 * opens the panel asynchronously after the gesture, so this waits for it.
 */
export const sidePanel = async (doppel: Doppel, timeoutMs = 15_000): Promise<Page> => {
  const url = `chrome-extension://${doppel.extensionId}/panel/index.html`;
  const others = () => doppel.context.pages().filter((p) => p.url().startsWith(`${url}?`));
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; ) {
    const found = doppel.context.pages().find((p) => p.url() === url);
    if (found) return found;
    if (others().length) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const windows = others().map((p) => decodeURIComponent(p.url().slice(url.length)));
  throw new Error(`no side panel${windows.length ? `; a Doppel window opened instead: ${windows.join(', ')}` : ''}; pages: ${doppel.context.pages().map((p) => p.url()).join(', ')}`);
};

/** Waits for the side panel's own view to show; on a timeout, says what the panel page held instead. */
export const sidePanelShown = async (panel: Page): Promise<void> => {
  try {
    await panel.locator('[data-testid=panel][data-mode=side-panel]').waitFor();
  } catch (error) {
    const state = await panel
      .evaluate(() => ({ ready: document.readyState, visibility: document.visibilityState, size: `${innerWidth}x${innerHeight}`, body: document.body?.innerHTML.slice(0, 300) ?? null }))
      .catch((e: unknown) => String(e));
    throw new Error(`the side panel's view did not show: ${JSON.stringify(state)}`, { cause: error });
  }
};

/** Stops Doppel's service worker over CDP (from `page`, an extension page) and resolves once it is stopped. */
export const stopServiceWorker = async (doppel: Doppel, page: Page): Promise<void> => {
  const cdp = await doppel.context.newCDPSession(page);
  const stopped = new Promise<void>((resolve) =>
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      if (versions.some((v) => v.scriptURL.endsWith('/background.js') && v.runningStatus === 'stopped')) resolve();
    }),
  );
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
};
