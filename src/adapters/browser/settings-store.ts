import browser from 'webextension-polyfill';
import { readSettings, SETTING_KEYS, type CaptureSettings } from '../../core/capture/settings';

let cached: Promise<CaptureSettings> | null = null;
let watching = false;

const isSettingKeyOf = (keys: string[]) => keys.some((key) => Object.values(SETTING_KEYS).includes(key));

/**
 * Capture settings live in storage.local as one item per setting, each falling back to its
 * default. They are read once and kept until storage says one changed: every capture message
 * asks, and a storage read per message was most of the cost of ingest.
 */
export const loadSettings = (): Promise<CaptureSettings> => {
  if (!watching) {
    watching = true;
    browser.storage.onChanged.addListener((changes, area) => {
      if (area === 'local' && isSettingKeyOf(Object.keys(changes))) cached = null;
    });
  }
  cached ??= browser.storage.local.get(Object.values(SETTING_KEYS)).then(readSettings, (error: unknown) => {
    cached = null;
    throw error;
  });
  return cached;
};

export const saveSettings = async (change: Partial<CaptureSettings>): Promise<void> => {
  const items: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(change)) items[SETTING_KEYS[key as keyof CaptureSettings]] = value;
  cached = null;
  await browser.storage.local.set(items);
  cached = null;
};

export const isSettingKey = (key: string): boolean => Object.values(SETTING_KEYS).includes(key);
