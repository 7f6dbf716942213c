import browser from 'webextension-polyfill';
import { readSettings, SETTING_KEYS, type CaptureSettings } from '../../core/capture/settings';

/** Capture settings live in storage.local as one item per setting, each falling back to its default. */
export const loadSettings = async (): Promise<CaptureSettings> => readSettings(await browser.storage.local.get(Object.values(SETTING_KEYS)));

export const saveSettings = async (change: Partial<CaptureSettings>): Promise<void> => {
  const items: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(change)) items[SETTING_KEYS[key as keyof CaptureSettings]] = value;
  await browser.storage.local.set(items);
};

export const isSettingKey = (key: string): boolean => Object.values(SETTING_KEYS).includes(key);
