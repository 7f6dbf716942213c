import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { stripUrl } from '../../core/capture/url';
import { readTabState, writeTabState } from '../../adapters/browser/tab-state-cache';
import { rpc } from '../../messaging/client';
import type { Answer, BackgroundMethods } from '../../messaging/protocol';
import { currentTabId } from './current-tab';

export type TabState = { tabId: number } & Answer<BackgroundMethods, 'pages.forTab'>;

export interface TabStateView {
  value: TabState | null;
  /** True once the service worker's answer is shown; until then `value` may be the last one seen this session. */
  live: boolean;
  error: string | null;
}

/**
 * The tab's state as the service worker reports it. What the popup learned on its last open of this
 * tab is shown first (stale-while-revalidate): waking the worker and reading IndexedDB takes several
 * round trips, a storage.session read one.
 */
export const useTabState = (): TabStateView => {
  const [view, setView] = useState<TabStateView>({ value: null, live: false, error: null });
  useEffect(() => {
    let mounted = true;
    let answered = false;
    void (async () => {
      try {
        const tabId = await currentTabId();
        if (tabId === null) return;
        // Shown only while the tab is still at the address it was learned for.
        void Promise.all([readTabState<TabState>(tabId), browser.tabs.get(tabId)])
          .then(([cached, tab]) => cached && cached.url === (tab.url ? stripUrl(tab.url) : null) && mounted && !answered && setView({ value: cached, live: false, error: null }))
          .catch(() => {});
        const value = { tabId, ...(await rpc('pages.forTab', { tabId })) };
        answered = true;
        if (mounted) setView({ value, live: true, error: null });
        await writeTabState(tabId, value);
      } catch (failure) {
        answered = true;
        if (mounted) setView((view) => ({ ...view, error: (failure as Error).message }));
      }
    })();
    return () => {
      mounted = false;
    };
  }, []);
  return view;
};
