import { describe, expect, test } from 'vitest';
import { partSizeFor, planParts, quotaShortfall, timeLeft, totalFromHeaders } from './download-plan';

const MB = 2 ** 20;

describe('download plan', () => {
  test('covers every byte exactly once, in ranges of about a 64th of the file', () => {
    const parts = planParts(1_000_000);
    expect(parts[0]).toEqual({ index: 0, start: 0, end: partSizeFor(1_000_000) - 1 });
    expect(parts.at(-1)!.end).toBe(999_999);
    for (let i = 1; i < parts.length; i++) expect(parts[i]!.start).toBe(parts[i - 1]!.end + 1);
    expect(partSizeFor(500 * MB)).toBe(Math.ceil((500 * MB) / 64));
    expect(partSizeFor(10 * 2 ** 30)).toBe(16 * MB);
    expect(partSizeFor(1000)).toBe(64 * 1024);
  });

  test('reads the total size from Content-Range, else Content-Length', () => {
    expect(totalFromHeaders('bytes 0-0/1185376', '1')).toBe(1185376);
    expect(totalFromHeaders(null, '42')).toBe(42);
    expect(totalFromHeaders('bytes */*', null)).toBeNull();
  });

  test('says how long is left from the current speed', () => {
    expect(timeLeft(10 * MB, 0)).toBe('');
    expect(timeLeft(10 * MB, MB)).toBe('about 10 s left');
    expect(timeLeft(300 * MB, MB)).toBe('about 5 min left');
  });

  test('refuses a download that cannot fit, in numbers, and what to do', () => {
    expect(quotaShortfall(100 * MB, { quota: 1000 * MB, usage: 100 * MB })).toBeNull();
    expect(quotaShortfall(500 * MB, { quota: 400 * MB, usage: 100 * MB })).toBe(
      'This model needs 500 MB of storage, but only 300 MB is available to Doppel. Free disk space or delete another model, then try again.',
    );
    expect(quotaShortfall(1, {})).toBeNull();
  });
});
