import { afterEach, describe, expect, it, vi } from 'vitest';
import { onRuntimeMessage, sendRuntimeMessage, type MessageSender } from './runtime';

type Listener = (message: unknown, sender: MessageSender, sendResponse: (reply: unknown) => void) => boolean | undefined;

const fakeRuntime = (sendMessage: (m: unknown) => Promise<unknown>) => {
  const listeners: Listener[] = [];
  vi.stubGlobal('chrome', { runtime: { id: 'doppel', sendMessage, onMessage: { addListener: (l: Listener) => listeners.push(l) } } });
  return listeners;
};

describe('the runtime without the polyfill', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('reads Chromium’s "nobody answered" as undefined, as the polyfill did', async () => {
    fakeRuntime(async () => {
      throw new Error('The message port closed before a response was received.');
    });
    await expect(sendRuntimeMessage({})).resolves.toBeUndefined();
  });

  it('passes other failures on, and a polyfilled receiver’s rejection as an Error', async () => {
    fakeRuntime(async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    await expect(sendRuntimeMessage({})).rejects.toThrow('Receiving end does not exist');
    fakeRuntime(async () => ({ __mozWebExtensionPolyfillReject__: true, message: 'handler failed' }));
    await expect(sendRuntimeMessage({})).rejects.toThrow('handler failed');
    fakeRuntime(async () => ({ ok: true, value: 1 }));
    await expect(sendRuntimeMessage({})).resolves.toEqual({ ok: true, value: 1 });
  });

  it('prefers Firefox’s browser.runtime when there is one', async () => {
    fakeRuntime(async () => 'chrome');
    vi.stubGlobal('browser', { runtime: { id: 'doppel', sendMessage: async () => 'browser' } });
    await expect(sendRuntimeMessage({})).resolves.toBe('browser');
  });

  it('answers through sendResponse when the handler returns a promise, and leaves the channel alone otherwise', async () => {
    const listeners = fakeRuntime(async () => undefined);
    onRuntimeMessage((message) => (message === 'ping' ? Promise.resolve('pong') : undefined));
    const sendResponse = vi.fn();
    expect(listeners[0]!('other', { id: 'doppel' }, sendResponse)).toBeUndefined();
    expect(listeners[0]!('ping', { id: 'doppel' }, sendResponse)).toBe(true);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledWith('pong'));
  });
});
