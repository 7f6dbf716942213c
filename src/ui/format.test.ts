import { describe, expect, test } from 'vitest';
import { formatBytes, formatNumber, formatPercent, formatRelative } from './format';

describe('format', () => {
  test('byte counts read as sizes, never as raw megabytes', () => {
    expect(formatBytes(80_011 * 2 ** 20)).toBe('78 GB');
    expect(formatBytes(2 ** 20)).toBe('1 MB');
    expect(formatBytes(3.5 * 2 ** 20)).toBe('3.5 MB');
    expect(formatBytes(512)).toBe('512 byte');
    expect(formatBytes(256 * 2 ** 20)).toBe('256 MB');
  });
  test('numbers and percentages are grouped and rounded', () => {
    expect(formatNumber(1204)).toBe('1,204');
    expect(formatPercent(0.624)).toBe('62%');
  });
  test('times are relative', () => {
    const now = Date.UTC(2026, 0, 10);
    expect(formatRelative(now - 3 * 86_400_000, now)).toBe('3 days ago');
    expect(formatRelative(now - 5 * 60_000, now)).toBe('5 minutes ago');
    expect(formatRelative(now - 10_000, now)).toBe('now');
  });
});
