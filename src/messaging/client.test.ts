import { afterEach, describe, expect, it, vi } from 'vitest';

const sendMessage = vi.fn();
vi.stubGlobal('chrome', { runtime: { id: 'doppel', sendMessage } });
const { callBackground, NOT_ANSWERING } = await import('./client');

describe('messages to the background', () => {
  afterEach(() => {
    sendMessage.mockReset();
    vi.useRealTimers();
  });

  it('retries while the service worker starts, then answers', async () => {
    vi.useFakeTimers();
    sendMessage.mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.')).mockResolvedValueOnce({ ok: true, value: 1 });
    const reply = callBackground('capture.check', {} as never);
    await vi.runAllTimersAsync();
    expect(await reply).toEqual({ ok: true, value: 1 });
    expect(sendMessage).toHaveBeenCalledTimes(2);
  });

  it('when nothing ever answers, says what to do in a sentence, not in Chrome’s words', async () => {
    vi.useFakeTimers();
    sendMessage.mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    const reply = callBackground('capture.check', {} as never).catch((error: Error) => error);
    await vi.runAllTimersAsync();
    const error = (await reply) as Error & { code: string };
    expect(error.message).toBe(NOT_ANSWERING);
    expect(error.code).toBe('engine_unavailable');
    expect(sendMessage).toHaveBeenCalledTimes(6);
  });

  it('passes other failures on as they are', async () => {
    sendMessage.mockRejectedValue(new Error('boom'));
    await expect(callBackground('capture.check', {} as never)).rejects.toThrow('boom');
    expect(sendMessage).toHaveBeenCalledTimes(1);
  });
});
