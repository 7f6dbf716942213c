import browser from 'webextension-polyfill';

const KEY = 'popup.tabState';
/** Enough for the tabs someone switches between; older entries drop off. */
const MAX_TABS = 20;

type Cache<T> = Record<string, { at: number; state: T }>;

/**
 * What the popup last learned about a tab, in storage.session (memory only, this browser session,
 * extension pages only), so that the next open can show it before the service worker answers.
 */
export const readTabState = async <T>(tabId: number): Promise<T | null> => {
  const cache = ((await browser.storage.session.get(KEY))[KEY] ?? {}) as Cache<T>;
  return cache[tabId]?.state ?? null;
};

export const writeTabState = async <T>(tabId: number, state: T): Promise<void> => {
  const cache = ((await browser.storage.session.get(KEY))[KEY] ?? {}) as Cache<T>;
  cache[tabId] = { at: Date.now(), state };
  const kept = Object.entries(cache)
    .sort(([, a], [, b]) => b.at - a.at)
    .slice(0, MAX_TABS);
  await browser.storage.session.set({ [KEY]: Object.fromEntries(kept) });
};
