import { expect, test } from 'vitest';
import { pagesFromHistory } from './history-seed';
import { DEFAULT_SETTINGS } from './settings';

test('history seeds pages with titles and visit counts, under the same exclusions, scrubbed, merged by address', () => {
  let n = 0;
  const pages = pagesFromHistory(
    [
      { url: 'https://en.wikipedia.org/wiki/Tide?x=1', title: 'Tide', visitCount: 3, lastVisitTime: 10 },
      { url: 'https://en.wikipedia.org/wiki/Tide#history', title: 'Tide', visitCount: 2, lastVisitTime: 20 },
      { url: 'https://www.chase.com/account', title: 'Chase', visitCount: 9 },
      { url: 'http://localhost:3000/', title: 'dev' },
      { url: 'chrome://settings', title: 'Settings' },
      { url: 'https://blog.example.com/post', title: 'Mail me: jo@example.com', visitCount: 0, lastVisitTime: 5 },
      { url: 'https://blocked.example.org/a', title: 'Blocked' },
    ],
    { ...DEFAULT_SETTINGS, captureConsent: true, denyPatterns: ['blocked.example.org'] },
    100,
    () => `id${n++}`,
  );
  expect(pages.map((p) => [p.url, p.title, p.visitCount, p.firstVisit, p.lastVisit])).toEqual([
    ['https://en.wikipedia.org/wiki/Tide', 'Tide', 5, 10, 20],
    ['https://blog.example.com/post', 'Mail me: [email]', 1, 5, 5],
  ]);
  expect(new Set(pages.map((p) => p.contentHash)).size).toBe(2);
  expect(pages.every((p) => p.text === '')).toBe(true);
});
