import browser, { type Menus, type Tabs } from 'webextension-polyfill';
import { showInSidePanel, sidePanelIsOpen } from '../../adapters/browser/side-panel';
import type { JobKind } from '../../core/model/job';

export const MENU_DRAFT = 'doppel-draft-reply';
export const MENU_REACT = 'doppel-predict-reaction';
/** The manifest `commands` entry for the draft shortcut. */
export const DRAFT_COMMAND = 'draft-reply';

export const registerContextMenus = async (): Promise<void> => {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: MENU_DRAFT, title: 'Draft a reply in my style', contexts: ['selection', 'editable'] });
  browser.contextMenus.create({ id: MENU_REACT, title: 'How would I react to this?', contexts: ['page', 'selection'] });
};

export interface MenuRequest {
  kind: JobKind;
  tabId?: number;
  frameId?: number;
  text?: string;
}

export const menuRequest = (info: Menus.OnClickData, tab: Tabs.Tab | undefined): MenuRequest | null => {
  const kind: JobKind | null = info.menuItemId === MENU_DRAFT ? 'draft' : info.menuItemId === MENU_REACT ? 'react' : null;
  if (!kind) return null;
  return {
    kind,
    ...(tab?.id !== undefined ? { tabId: tab.id } : {}),
    ...(info.frameId !== undefined ? { frameId: info.frameId } : {}),
    ...(info.selectionText ? { text: info.selectionText } : {}),
  };
};

/**
 * Results appear beside the page, in Doppel's side panel, when it opened (or was open already) in
 * that window; otherwise in a small Doppel window. Extension UI either way, never injected into the page.
 */
export const showResult = async (jobId: string, windowId: number | undefined, opening: Promise<boolean>): Promise<void> => {
  if (windowId !== undefined && ((await opening) || (await panelAppears(windowId)))) return showInSidePanel(windowId, jobId);
  return openPanel(jobId);
};

/**
 * How long a refused `sidePanel.open` is given to turn out open after all before the fallback
 * window: a panel that is still registering when the refusal comes would otherwise stay empty
 * while the result shows in a window of its own.
 */
const PANEL_SETTLE_MS = 1_500;

const panelAppears = async (windowId: number): Promise<boolean> => {
  for (const deadline = Date.now() + PANEL_SETTLE_MS; ; await new Promise((r) => setTimeout(r, 150))) {
    if (await sidePanelIsOpen(windowId)) return true;
    if (Date.now() >= deadline) return false;
  }
};

/** The fallback: a small Doppel window. */
export const openPanel = async (jobId: string): Promise<void> => {
  const url = browser.runtime.getURL(`panel/index.html?job=${encodeURIComponent(jobId)}`);
  try {
    await browser.windows.create({ url, type: 'popup', width: 460, height: 640 });
  } catch {
    await browser.tabs.create({ url });
  }
};

export const openErrorPanel = async (message: string): Promise<void> => {
  const url = browser.runtime.getURL(`panel/index.html?error=${encodeURIComponent(message)}`);
  await browser.windows.create({ url, type: 'popup', width: 460, height: 320 }).catch(() => browser.tabs.create({ url }));
};
