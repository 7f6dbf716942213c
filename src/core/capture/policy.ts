import { defaultDenyCategory, type DenyCategory } from './deny-list';
import { matchesAny } from './patterns';
import type { CaptureSettings } from './settings';

export type ExclusionReason = 'incognito' | 'no-consent' | 'paused' | 'not-web' | 'user-deny' | DenyCategory;

export interface CaptureContext {
  url: string;
  incognito: boolean;
  now: number;
  /** What is being captured: webmail allows the user's own sent replies when they opt in. */
  kind: 'page' | 'writing' | 'reaction';
}

/**
 * Whether capture is allowed here, and if not, why. Order matters: incognito and pause win over
 * everything; a user deny pattern wins over a user allow pattern; an allow pattern lifts the
 * default deny list.
 */
export const exclusionFor = (ctx: CaptureContext, settings: CaptureSettings): ExclusionReason | null => {
  if (ctx.incognito) return 'incognito';
  if (!/^https?:\/\//i.test(ctx.url)) return 'not-web';
  if (!settings.captureConsent) return 'no-consent';
  if (settings.pausedUntil > ctx.now) return 'paused';
  if (matchesAny(ctx.url, settings.denyPatterns)) return 'user-deny';
  if (matchesAny(ctx.url, settings.allowPatterns)) return null;
  const category = defaultDenyCategory(ctx.url);
  if (category === 'webmail' && ctx.kind === 'writing' && settings.webmailSentReplies) return null;
  return category;
};
