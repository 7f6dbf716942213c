import type { BackgroundMethods, MethodName, Params } from '../../messaging/protocol';
import { callBackground } from '../../messaging/client';

/** Fire and forget: when the extension was reloaded under this page there is nobody to tell. */
export const send = <K extends MethodName<BackgroundMethods>>(method: K, params: Params<BackgroundMethods, K>): void => {
  void callBackground(method, params).catch(() => {});
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
