import { loadSettings } from '../../adapters/browser/settings-store';
import { exclusionFor, type CaptureContext, type ExclusionReason } from '../../core/capture/policy';
import { siteOf, stripUrl } from '../../core/capture/url';
import type { SenderInfo } from '../../messaging/protocol';

export interface Admitted {
  url: string;
  site: string;
}

/**
 * Every capture from a content script passes here. The URL and the incognito flag are the
 * browser's word about the sender, never the page's; the settings are read fresh each time because
 * the service worker keeps nothing in memory.
 */
export const admit = async (sender: SenderInfo, kind: CaptureContext['kind'], now = Date.now()): Promise<Admitted | ExclusionReason> => {
  if (sender.tabId === undefined || !sender.url) return 'not-web';
  const reason = exclusionFor({ url: sender.url, incognito: sender.incognito === true, now, kind }, await loadSettings());
  if (reason) return reason;
  const url = stripUrl(sender.url);
  return url ? { url, site: siteOf(url) } : 'not-web';
};

export const isAdmitted = (result: Admitted | ExclusionReason): result is Admitted => typeof result !== 'string';

