import { describe, expect, test } from 'vitest';
import { defaultDenyCategory } from './deny-list';
import { matchesPattern } from './patterns';
import { exclusionFor } from './policy';
import { DEFAULT_SETTINGS, readSettings, SETTING_KEYS } from './settings';

const at = (url: string, extra: Partial<Parameters<typeof exclusionFor>[0]> = {}) => ({ url, incognito: false, now: 1000, kind: 'page' as const, ...extra });

describe('default deny list', () => {
  test.each([
    ['http://localhost:3000/', 'intranet'],
    ['http://127.0.0.1:8080/x', 'intranet'],
    ['http://192.168.1.1/', 'intranet'],
    ['http://10.2.3.4/wiki', 'intranet'],
    ['http://[::1]/', 'intranet'],
    ['https://wiki.corp/', 'intranet'],
    ['http://printer/', 'intranet'],
    ['https://jira.internal/browse/X-1', 'intranet'],
    ['https://www.chase.com/personal', 'banking'],
    ['https://onlinebanking.example.com/', 'banking'],
    ['https://www.paypal.com/myaccount', 'banking'],
    ['https://mychart.example.org/', 'health'],
    ['https://www.zocdoc.com/', 'health'],
    ['https://vault.bitwarden.com/#/vault', 'password-manager'],
    ['https://my.1password.com/', 'password-manager'],
    ['https://accounts.google.com/signin', 'sign-in'],
    ['https://github.com/login', 'sign-in'],
    ['https://example.com/account/settings', 'sign-in'],
    ['https://news.ycombinator.com/login?goto=news', 'sign-in'],
    ['https://mail.google.com/mail/u/0/#inbox', 'webmail'],
    ['https://outlook.live.com/mail/0/', 'webmail'],
    ['https://shop.example.com/checkout/step1', 'payment'],
  ])('%s → %s', (url, category) => {
    expect(defaultDenyCategory(url)).toBe(category);
  });

  test.each(['https://en.wikipedia.org/wiki/Tide', 'https://news.ycombinator.com/item?id=1', 'https://www.reddit.com/r/cats/', 'https://github.com/vitejs/vite/issues/1', 'https://www.bbc.co.uk/news', 'https://bankside-gallery.example/'])(
    'allows ordinary reading: %s',
    (url) => {
      expect(defaultDenyCategory(url)).toBeNull();
    },
  );
});

describe('user patterns', () => {
  test.each([
    ['https://news.ycombinator.com/item', 'news.ycombinator.com', true],
    ['https://blog.example.com/a', 'example.com', true],
    ['https://example.com.evil.net/a', 'example.com', false],
    ['https://blog.example.com/a', '*.example.com', true],
    ['http://127.0.0.1:4321/page.html', 'http://127.0.0.1:4321/*', true],
    ['http://127.0.0.1:4321/page.html', '127.0.0.1:4321', true],
    ['http://127.0.0.1:9999/page.html', '127.0.0.1:4321', false],
    ['https://github.com/a/b/pull/1', 'github.com/*/pull/*', true],
    ['https://github.com/a/b/issues/1', 'github.com/*/pull/*', false],
    ['https://x.com/', '', false],
  ])('%s ~ %s = %s', (url, pattern, expected) => {
    expect(matchesPattern(url, pattern)).toBe(expected);
  });
});

describe('exclusionFor', () => {
  const s = { ...DEFAULT_SETTINGS, captureConsent: true };
  test('nothing is captured before the user consents', () => {
    expect(exclusionFor(at('https://example.com/'), DEFAULT_SETTINGS)).toBe('no-consent');
    expect(exclusionFor(at('https://example.com/'), s)).toBeNull();
    expect(exclusionFor(at('https://example.com/', { incognito: true }), DEFAULT_SETTINGS)).toBe('incognito');
  });
  test('incognito is never captured, whatever the allow list says', () => {
    expect(exclusionFor(at('https://example.com/', { incognito: true }), { ...s, allowPatterns: ['example.com'] })).toBe('incognito');
  });
  test('a pause holds until it ends', () => {
    expect(exclusionFor(at('https://example.com/'), { ...s, pausedUntil: 2000 })).toBe('paused');
    expect(exclusionFor(at('https://example.com/', { now: 2001 }), { ...s, pausedUntil: 2000 })).toBeNull();
  });
  test('user deny beats user allow; allow lifts the default deny list', () => {
    expect(exclusionFor(at('http://127.0.0.1:5/a'), s)).toBe('intranet');
    expect(exclusionFor(at('http://127.0.0.1:5/a'), { ...s, allowPatterns: ['127.0.0.1:5'] })).toBeNull();
    expect(exclusionFor(at('http://127.0.0.1:5/a'), { ...s, allowPatterns: ['127.0.0.1:5'], denyPatterns: ['*/a'] })).toBe('user-deny');
  });
  test('webmail writing only with the opt-in', () => {
    const gmail = 'https://mail.google.com/mail/u/0/';
    expect(exclusionFor(at(gmail, { kind: 'writing' }), s)).toBe('webmail');
    expect(exclusionFor(at(gmail, { kind: 'writing' }), { ...s, webmailSentReplies: true })).toBeNull();
    expect(exclusionFor(at(gmail), { ...s, webmailSentReplies: true })).toBe('webmail');
  });
  test('non-web URLs are excluded', () => {
    expect(exclusionFor(at('chrome://settings'), s)).toBe('not-web');
  });
});

describe('settings', () => {
  test('missing or mistyped items take their defaults', () => {
    expect(readSettings({})).toEqual(DEFAULT_SETTINGS);
    const read = readSettings({ [SETTING_KEYS.allowPatterns]: ['a.com'], [SETTING_KEYS.pausedUntil]: 'soon', [SETTING_KEYS.denyPatterns]: [3] });
    expect(read.allowPatterns).toEqual(['a.com']);
    expect(read.pausedUntil).toBe(0);
    expect(read.denyPatterns).toEqual([]);
  });
});
