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
