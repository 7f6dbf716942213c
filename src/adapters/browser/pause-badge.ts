import browser from 'webextension-polyfill';
import { loadSettings } from './settings-store';

export const PAUSE_ALARM = 'doppel:pause-ended';

/** The toolbar icon shows a pause while capture is paused, and Chrome wakes us when it ends. */
export const refreshPauseBadge = async (now = Date.now()): Promise<void> => {
  const { pausedUntil } = await loadSettings();
  const paused = pausedUntil > now;
  await browser.action.setBadgeText({ text: paused ? 'II' : '' });
  await browser.action.setTitle({ title: paused ? `Doppel — capture paused until ${new Date(pausedUntil).toLocaleTimeString()}` : 'Doppel' });
  if (paused) {
    await browser.action.setBadgeBackgroundColor({ color: '#b45309' });
    browser.alarms.create(PAUSE_ALARM, { when: pausedUntil + 500 });
  }
};
