/**
 * The few runtime calls the content script makes, on the browser's own promise-based API
 * (`browser` in Firefox, `chrome` in Chromium's MV3) instead of webextension-polyfill: on every
 * page the polyfill cost more main-thread time to load than the capture it serves
 * (bench/capture.bench.ts, the traced row).
 */
export interface MessageSender {
  id?: string;
  tab?: unknown;
}

interface NativeRuntime {
  id: string;
  sendMessage(message: unknown): Promise<unknown>;
  onMessage: {
    addListener(listener: (message: unknown, sender: MessageSender, sendResponse: (reply: unknown) => void) => boolean | undefined): void;
  };
}

const runtime = (): NativeRuntime => {
  const g = globalThis as { browser?: { runtime?: NativeRuntime }; chrome?: { runtime?: NativeRuntime } };
  const found = g.browser?.runtime ?? g.chrome?.runtime;
  if (!found) throw new Error('No extension runtime here.');
  return found;
};

export const runtimeId = (): string => runtime().id;

// Chromium's words when the receiver answered nothing; the polyfill (and so every caller) reads that as `undefined`.
const NO_RESPONSE = /message port closed before a response was received/i;

/** runtime.sendMessage as the polyfill gives it: `undefined` when nobody answered, an Error when the listener threw. */
export const sendRuntimeMessage = async (message: unknown): Promise<unknown> => {
  let reply: unknown;
  try {
    reply = await runtime().sendMessage(message);
  } catch (error) {
    if (error instanceof Error && NO_RESPONSE.test(error.message)) return undefined;
    throw error;
  }
  // A receiver on the polyfill sends a rejected listener's error this way in Chromium.
  const rejected = reply as { __mozWebExtensionPolyfillReject__?: boolean; message?: string } | null;
  if (rejected && typeof rejected === 'object' && rejected.__mozWebExtensionPolyfillReject__) throw new Error(String(rejected.message ?? 'The receiver failed.'));
  return reply;
};

/** Listens for messages; a handler's promise answers the sender (sendResponse works the same in both browsers). */
export const onRuntimeMessage = (handler: (message: unknown, sender: MessageSender) => Promise<unknown> | undefined): void => {
  runtime().onMessage.addListener((message, sender, sendResponse) => {
    const answer = handler(message, sender);
    if (!answer) return undefined;
    answer.then(sendResponse, () => sendResponse(undefined));
    return true;
  });
};
