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
export const admit = async (sender: SenderInfo, kind: CaptureContext['kind'], claimedUrl?: string, now = Date.now()): Promise<Admitted | ExclusionReason> => {
  if (sender.tabId === undefined || !sender.url) return 'not-web';
  // A single-page app changes its URL with pushState, which the browser's sender URL may not
  // show yet; the page's own word is taken only within the sender's origin.
  const target = claimedUrl && sameOrigin(claimedUrl, sender.url) ? claimedUrl : sender.url;
  for (const url of new Set([sender.url, target])) {
    const reason = exclusionFor({ url, incognito: sender.incognito === true, now, kind }, await loadSettings());
    if (reason) return reason;
  }
  const url = stripUrl(target);
  return url ? { url, site: siteOf(url) } : 'not-web';
};

export const isAdmitted = (result: Admitted | ExclusionReason): result is Admitted => typeof result !== 'string';


const sameOrigin = (a: string, b: string): boolean => {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
};
