import browser from 'webextension-polyfill';

export type MessageKey = keyof typeof import('../../public/_locales/en/messages.json');

/**
 * A string from _locales/<lang>/messages.json, so that Doppel can be translated. Falls back to the
 * key itself, which makes a missing message visible instead of blank.
 */
export const t = (key: MessageKey, ...substitutions: (string | number)[]): string =>
  browser.i18n.getMessage(key, substitutions.map(String)) || key;
