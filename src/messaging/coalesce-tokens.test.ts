import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { GenerateHostMessage } from './protocol';
import { coalesceTokens } from './coalesce-tokens';

describe('coalesceTokens', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  test('tokens within a window travel as one message with the joined text and the last count', () => {
    const sent: GenerateHostMessage[] = [];
    const { post } = coalesceTokens((m) => sent.push(m), 16);
    post({ type: 'token', piece: 'Once', tokens: 1 });
    post({ type: 'token', piece: ' upon', tokens: 2 });
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(16);
    expect(sent).toEqual([{ type: 'token', piece: 'Once upon', tokens: 2 }]);
    post({ type: 'token', piece: ' a', tokens: 3 });
    vi.advanceTimersByTime(16);
    expect(sent.at(-1)).toEqual({ type: 'token', piece: ' a', tokens: 3 });
  });

  test('any other message flushes pending tokens first, keeping the order', () => {
    const sent: GenerateHostMessage[] = [];
    const { post } = coalesceTokens((m) => sent.push(m));
    post({ type: 'started' });
    post({ type: 'token', piece: 'time', tokens: 1 });
    post({ type: 'error', job: null, code: 'aborted', message: 'Stopped.' });
    expect(sent.map((m) => m.type)).toEqual(['started', 'token', 'error']);
    vi.advanceTimersByTime(100);
    expect(sent).toHaveLength(3);
  });
});
