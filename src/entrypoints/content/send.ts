import type { BackgroundMethods, MethodName, Params } from '../../messaging/protocol';
import { callBackground, UnansweredError } from '../../messaging/client';

/** Fire and forget: when the extension was reloaded under this page there is nobody to tell. */
export const send = <K extends MethodName<BackgroundMethods>>(method: K, params: Params<BackgroundMethods, K>): void => {
  void callBackground(method, params).catch(() => {});
};

const LOST = /message (port|channel) closed|Receiving end does not exist|Could not establish connection/i;

const lost = (error: unknown): boolean => error instanceof UnansweredError || (error instanceof Error && LOST.test(error.message));

/**
 * For requests that are safe to repeat (the background counts them once): a service worker that
 * dies while handling one closes the channel without an answer, and the request is sent again.
 */
export const callUntilAnswered = async <K extends MethodName<BackgroundMethods>>(
  method: K,
  params: Params<BackgroundMethods, K>,
  { tries = 5, baseDelayMs = 300 } = {},
): Promise<Awaited<ReturnType<typeof callBackground<K>>>> => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await callBackground(method, params);
    } catch (error) {
      if (attempt >= tries || !lost(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, baseDelayMs * 2 ** (attempt - 1)));
    }
  }
};

/** Fire and forget, but repeated while the background dies before answering. */
export const sendUntilAnswered = <K extends MethodName<BackgroundMethods>>(method: K, params: Params<BackgroundMethods, K>): void => {
  void callUntilAnswered(method, params).catch(() => {});
};

/** A random UUID: `crypto.randomUUID` exists only on https pages, `getRandomValues` on every page. */
export const newSendId = (): string => {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

let mainThreadMs = 0;

/** Runs `fn` and adds its synchronous time to this page's main-thread budget (reported for `npm run bench`). */
export const timed = <T>(fn: () => T): T => {
  const start = performance.now();
  try {
    return fn();
  } finally {
    mainThreadMs += performance.now() - start;
  }
};

export const spentMs = (): number => mainThreadMs;
