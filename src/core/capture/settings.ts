/** Capture and retention settings, stored as individual typed items (chrome.storage.local keys). */
export interface CaptureSettings {
  /** Nothing is captured until the user says yes (on the welcome page or in Options → Data). */
  captureConsent: boolean;
  /** User patterns (see patterns.ts) that are always captured, even if the default deny list excludes them. */
  allowPatterns: string[];
  /** User patterns that are never captured. */
  denyPatterns: string[];
  /** Epoch ms until which capture is paused; 0 when not paused. */
  pausedUntil: number;
  /** Webmail stays excluded, but the user may opt in to keeping their own sent replies there. */
  webmailSentReplies: boolean;
  /** Retention: records older than this many days are deleted (0 = keep forever). */
  retentionDays: number;
  /** Retention: the oldest pages are deleted once text storage exceeds this many megabytes. */
  retentionMegabytes: number;
}

export const DEFAULT_SETTINGS: CaptureSettings = {
  captureConsent: false,
  allowPatterns: [],
  denyPatterns: [],
  pausedUntil: 0,
  webmailSentReplies: false,
  retentionDays: 365,
  retentionMegabytes: 200,
};

/** Storage key of each item. */
export const SETTING_KEYS: { [K in keyof CaptureSettings]: string } = {
  captureConsent: 'capture.consent',
  allowPatterns: 'capture.allowPatterns',
  denyPatterns: 'capture.denyPatterns',
  pausedUntil: 'capture.pausedUntil',
  webmailSentReplies: 'capture.webmailSentReplies',
  retentionDays: 'retention.days',
  retentionMegabytes: 'retention.megabytes',
};

const sameType = (value: unknown, fallback: unknown) =>
  Array.isArray(fallback) ? Array.isArray(value) && value.every((v) => typeof v === 'string') : typeof value === typeof fallback && (typeof value !== 'number' || Number.isFinite(value));

/** Reads the items out of a storage snapshot; anything missing or of the wrong type takes its default. */
export const readSettings = (stored: Record<string, unknown>): CaptureSettings => {
  const out = { ...DEFAULT_SETTINGS } as Record<keyof CaptureSettings, unknown>;
  for (const key of Object.keys(SETTING_KEYS) as (keyof CaptureSettings)[]) {
    const value = stored[SETTING_KEYS[key]];
    if (sameType(value, DEFAULT_SETTINGS[key])) out[key] = value;
  }
  return out as unknown as CaptureSettings;
};
