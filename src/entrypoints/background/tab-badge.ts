import browser from 'webextension-polyfill';
import { exclusionFor } from '../../core/capture/policy';
import type { TabCaptureState } from '../../core/capture/tab-capture-state';
import { loadSettings } from '../../adapters/browser/settings-store';
import { t } from '../../ui/i18n';
import { exclusionMessage } from '../../ui/exclusion-message';

export type { TabCaptureState };

export const tabCaptureState = async (url: string, incognito: boolean): Promise<TabCaptureState> => {
  const reason = exclusionFor({ url, incognito, now: Date.now(), kind: 'page' }, await loadSettings());
  return reason ? { capturing: false, reason } : { capturing: true };
};

/**
 * The toolbar icon says, for the tab in front of the user, whether Doppel is capturing it: no badge
 * while capturing, "II" while paused, "off" on an excluded site. A tab's badge overrides the
 * global one, so the pause is shown here too.
 */
export const refreshTabBadge = async (tab: { id?: number; url?: string; incognito?: boolean }): Promise<void> => {
  if (tab.id === undefined || !tab.url) return;
  const state = await tabCaptureState(tab.url, tab.incognito ?? false);
  const text = state.capturing ? '' : state.reason === 'paused' ? 'II' : 'off';
  await browser.action.setBadgeText({ tabId: tab.id, text });
  if (!state.capturing) await browser.action.setBadgeBackgroundColor({ tabId: tab.id, color: state.reason === 'paused' ? '#b45309' : '#5f6368' });
  await browser.action.setTitle({ tabId: tab.id, title: state.capturing ? t('badgeCapturing') : `${t('badgeNotCapturing')} ${exclusionMessage(state.reason)}` });
};

export const refreshActiveTabBadges = async (): Promise<void> => {
  for (const tab of await browser.tabs.query({ active: true })) await refreshTabBadge(tab);
};
