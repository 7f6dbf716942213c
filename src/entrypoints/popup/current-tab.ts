import browser from 'webextension-polyfill';

/** The tab the popup is about: `?tabId=` when opened detached (and in tests), else the active tab. */
export const currentTabId = async (): Promise<number | null> => {
  const fromUrl = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isInteger(fromUrl) && fromUrl > 0) return fromUrl;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
};
