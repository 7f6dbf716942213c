import type { BackgroundMethods, MethodName, Params } from '../../messaging/protocol';
import { callBackground } from '../../messaging/client';

/** Fire and forget: when the extension was reloaded under this page there is nobody to tell. */
export const send = <K extends MethodName<BackgroundMethods>>(method: K, params: Params<BackgroundMethods, K>): void => {
  void callBackground(method, params).catch(() => {});
};

const LOST = /message (port|channel) closed|Receiving end does not exist|Could not establish connection/i;

/**
 * For requests that are safe to repeat (the background counts them once): a service worker that
 * dies while handling one closes the channel without an answer, and the request is sent again.
 */
export const sendUntilAnswered = <K extends MethodName<BackgroundMethods>>(method: K, params: Params<BackgroundMethods, K>, tries = 5): void => {
  const attempt = (left: number): void => {
    void callBackground(method, params).catch((error: unknown) => {
      if (left > 1 && error instanceof Error && LOST.test(error.message)) setTimeout(() => attempt(left - 1), 300 * 2 ** (tries - left));
    });
  };
  attempt(tries);
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
