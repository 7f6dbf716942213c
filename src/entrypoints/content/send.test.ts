import { beforeEach, describe, expect, it, vi } from 'vitest';

// What Chrome does: a worker that dies while handling a message rejects the call with "message port
// closed before a response" (read as `undefined`, messaging/runtime.ts); an absent worker rejects.
let replies: Array<() => Promise<unknown>> = [];
let calls = 0;
const sendMessage = async () => {
  const reply = replies[Math.min(calls++, replies.length - 1)]!;
  return reply();
};
vi.stubGlobal('chrome', { runtime: { id: 'doppel', sendMessage } });
const { callUntilAnswered, newSendId } = await import('./send');
const v = await import('valibot');

const ANSWER = { ok: true, value: { allowed: true, pages: true } };
const answer = async () => ANSWER;
const died = async () => {
  throw new Error('The message port closed before a response was received.');
};
const fails = (message: string) => async () => {
  throw new Error(message);
};
const fast = { baseDelayMs: 1 };

describe('callUntilAnswered', () => {
  beforeEach(() => {
    calls = 0;
  });

  it('asks again when the worker died before answering, and returns the answer that came', async () => {
    replies = [died, died, answer];
    await expect(callUntilAnswered('capture.check', {}, fast)).resolves.toEqual(ANSWER);
    expect(calls).toBe(3);
  });

  it('asks again when the closed channel is reported as an error', async () => {
    replies = [fails('A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received'), answer];
    await expect(callUntilAnswered('capture.check', {}, fast)).resolves.toEqual(ANSWER);
    expect(calls).toBe(2);
  });

  it('gives up after the tries it was given', async () => {
    replies = [died];
    await expect(callUntilAnswered('capture.check', {}, { ...fast, tries: 3 })).rejects.toThrow(/No part of Doppel answered capture.check/);
    expect(calls).toBe(3);
  });

  it('does not repeat a request the background refused or failed on', async () => {
    replies = [fails('Invalid payload'), answer];
    await expect(callUntilAnswered('capture.check', {}, fast)).rejects.toThrow('Invalid payload');
    expect(calls).toBe(1);
  });
});

describe('newSendId', () => {
  it('is a version-4 UUID the router accepts, new every time', () => {
    const ids = Array.from({ length: 1000 }, newSendId);
    for (const id of ids) expect(v.is(v.pipe(v.string(), v.uuid()), id) && /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id), id).toBe(true);
    expect(new Set(ids).size).toBe(1000);
  });
});
