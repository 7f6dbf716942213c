import browser from 'webextension-polyfill';
import { PAUSE_ALARM, refreshPauseBadge } from '../../adapters/browser/pause-badge';
import { refreshActiveTabBadges, refreshTabBadge } from './tab-badge';
import { isSettingKey, loadSettings } from '../../adapters/browser/settings-store';
import { exclusionFor } from '../../core/capture/policy';
import { siteOf, stripUrl } from '../../core/capture/url';
import type { BackgroundDeps } from './deps';
import { recordReaction } from './handlers/capture';

const RETENTION_ALARM = 'doppel:retention';

export const ensureRetentionAlarm = async (): Promise<void> => {
  if (!(await browser.alarms.get(RETENTION_ALARM))) await browser.alarms.create(RETENTION_ALARM, { periodInMinutes: 60, delayInMinutes: 1 });
};

const enforceRetention = async (deps: BackgroundDeps) => {
  const settings = await loadSettings();
  // The records go with the jobs, reports, checkpoints and persona claims built from them.
  await deps.data.enforceRetention({ maxAgeDays: settings.retentionDays, maxBytes: settings.retentionMegabytes * 1024 * 1024 });
};

/** A bookmark is a reaction to the page, if Doppel may capture there at all. */
const onBookmark = async (deps: BackgroundDeps, rawUrl: string) => {
  if (exclusionFor({ url: rawUrl, incognito: false, now: Date.now(), kind: 'reaction' }, await loadSettings())) return;
  const url = stripUrl(rawUrl);
  if (!url) return;
  const page = await deps.pages.byUrl(url);
  await recordReaction(deps, { url, site: siteOf(url), ...(page ? { pageId: page.id } : {}) }, 'bookmark');
};

/** Registered synchronously at the top level of the service worker, like every other listener. */
export const startCaptureListeners = (deps: BackgroundDeps): void => {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && Object.keys(changes).some(isSettingKey)) void refreshPauseBadge().then(refreshActiveTabBadges);
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === PAUSE_ALARM) void refreshPauseBadge().then(refreshActiveTabBadges);
    if (alarm.name === RETENTION_ALARM) void enforceRetention(deps);
  });
  browser.tabs.onUpdated.addListener((_tabId, change, tab) => {
    if (change.url || change.status === 'complete') void refreshTabBadge(tab);
  });
  browser.tabs.onActivated.addListener(({ tabId }) => void browser.tabs.get(tabId).then(refreshTabBadge));
  browser.bookmarks.onCreated.addListener((_id, node) => {
    if (node.url) void onBookmark(deps, node.url);
  });
  browser.runtime.onStartup.addListener(() => void refreshPauseBadge());
  browser.runtime.onInstalled.addListener(() => void refreshPauseBadge());
  // Alarms can vanish across browser restarts and updates: every service-worker start makes sure
  // the retention alarm exists (without resetting one that does, which would postpone it forever).
  void ensureRetentionAlarm();
};
