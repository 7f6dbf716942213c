import browser from 'webextension-polyfill';

/**
 * Doppel's results beside the page: Chrome's side panel (`sidePanel`) or Firefox's sidebar
 * (`sidebar_action`). Opening one needs a user gesture, so `openSidePanel` must be called
 * synchronously in the click, menu or command handler; the job it shows is handed over afterwards
 * through session storage, keyed by window (both browsers keep one panel per window).
 */
/** Chrome's side panel API, where this browser has it (Firefox has the sidebar instead). */
const chromeSidePanel = (): boolean => typeof chrome !== 'undefined' && Boolean(chrome.sidePanel);
const sidebar = () => (browser as unknown as { sidebarAction?: { open(): Promise<void>; isOpen(details: { windowId?: number }): Promise<boolean> } }).sidebarAction;

export const hasSidePanel = (): boolean => chromeSidePanel() || Boolean(sidebar());

/** Opens the panel for this tab's window; resolves false where the browser refused (no gesture, no API). */
export const openSidePanel = (tab: { id?: number; windowId?: number } | undefined): Promise<boolean> => {
  try {
    if (chromeSidePanel()) return chrome.sidePanel.open(tab?.id !== undefined ? { tabId: tab.id } : { windowId: tab?.windowId ?? chrome.windows.WINDOW_ID_CURRENT }).then(() => true, () => false);
    const firefox = sidebar();
    if (firefox) return firefox.open().then(() => true, () => false);
  } catch {
    // A throw here is the browser saying no (no gesture): the window is the fallback.
  }
  return Promise.resolve(false);
};

/** Whether Doppel's panel is open in that window already (then a result can go there without a gesture). */
export const sidePanelIsOpen = async (windowId: number | undefined): Promise<boolean> => {
  if (windowId === undefined) return false;
  // Chrome reports a panel that is not per-tab with windowId -1 (seen in headless Chromium): count it for every window.
  if (chromeSidePanel())
    return (await chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL' as chrome.runtime.ContextType] }).catch(() => [])).some((c) => c.windowId === windowId || c.windowId === -1);
  const firefox = sidebar();
  return firefox ? firefox.isOpen({ windowId }).catch(() => false) : false;
};

export const panelJobKey = (windowId: number): string => `panel.job.${windowId}`;

export interface PanelJob {
  jobId: string;
  at: number;
}

export const showInSidePanel = (windowId: number, jobId: string): Promise<void> =>
  browser.storage.session.set({ [panelJobKey(windowId)]: { jobId, at: Date.now() } satisfies PanelJob });

/** The job handed to this window's panel, now and whenever another arrives; stops with `signal`. */
export const watchPanelJob = (windowId: number, onJob: (job: PanelJob) => void, signal: AbortSignal): void => {
  const key = panelJobKey(windowId);
  void browser.storage.session.get(key).then((stored) => {
    const job = stored[key] as PanelJob | undefined;
    if (job && !signal.aborted) onJob(job);
  });
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const job = changes[key]?.newValue as PanelJob | undefined;
    if (area === 'session' && job) onJob(job);
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener));
};
