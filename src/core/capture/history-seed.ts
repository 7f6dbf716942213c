import type { PageRecord } from '../model/records';
import { contentHash } from './hash';
import { exclusionFor } from './policy';
import { scrubPii } from './scrub';
import type { CaptureSettings } from './settings';
import { siteOf, stripUrl } from './url';

export interface HistoryEntry {
  url?: string;
  title?: string;
  visitCount?: number;
  lastVisitTime?: number;
}

/**
 * Pages to seed from the browser's history (with the user's consent): address, title and visit
 * count only, under the same exclusions as live capture. Duplicate addresses (differing only in
 * query or fragment) are merged.
 */
export const pagesFromHistory = (entries: readonly HistoryEntry[], settings: CaptureSettings, now: number, newId: () => string): PageRecord[] => {
  const byUrl = new Map<string, PageRecord>();
  for (const entry of entries) {
    const url = entry.url ? stripUrl(entry.url) : null;
    if (!url || exclusionFor({ url: entry.url!, incognito: false, now, kind: 'page' }, settings)) continue;
    const at = entry.lastVisitTime ?? now;
    const visits = Math.max(1, entry.visitCount ?? 1);
    const seen = byUrl.get(url);
    if (seen) {
      seen.visitCount += visits;
      seen.lastVisit = Math.max(seen.lastVisit, at);
      seen.firstVisit = Math.min(seen.firstVisit, at);
      continue;
    }
    byUrl.set(url, {
      id: newId(),
      url,
      site: siteOf(url),
      title: scrubPii(entry.title ?? '').slice(0, 500) || siteOf(url),
      text: '',
      // Text-less pages must not dedupe into one another by their (empty) content.
      contentHash: contentHash(`history:${url}`),
      firstVisit: at,
      lastVisit: at,
      visitCount: visits,
      dwellMs: 0,
      maxScroll: 0,
    });
  }
  return [...byUrl.values()];
};
