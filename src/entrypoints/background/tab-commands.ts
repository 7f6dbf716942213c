import browser from 'webextension-polyfill';
import type { ContentCommand, TabContext } from '../../messaging/methods/tasks';

const send = (tabId: number, command: ContentCommand, frameId?: number): Promise<unknown> =>
  browser.tabs.sendMessage(tabId, command, frameId === undefined ? {} : { frameId }).catch(() => null);

/**
 * The selection and focused field in a tab, from Doppel's content script in its top frame. Pages
 * Doppel may not script (the web store, chrome://) answer nothing, and the task uses the captured page.
 */
export const askTab = async (tabId: number): Promise<(TabContext & { frameId: number }) | null> => {
  const reply = (await send(tabId, { doppel: 'context' }, 0)) as TabContext | null;
  return reply && typeof reply.selection === 'string' ? { ...reply, frameId: 0 } : null;
};

export const insertInTab = async (tabId: number, frameId: number | undefined, jobId: string, text: string): Promise<boolean> => {
  const reply = (await send(tabId, { doppel: 'insert', jobId, text }, frameId ?? 0)) as { inserted?: boolean } | null;
  return reply?.inserted === true;
};
