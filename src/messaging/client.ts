import { DoppelError, type Result } from '../core/result';
import type { Answer, BackgroundMethods, EngineHostMethods, Envelope, MethodName, Params } from './protocol';
import { sendRuntimeMessage } from './runtime';

const RETRIES = 5;
export const NOT_ANSWERING = 'Doppel is not answering. Close this and try again; if it keeps happening, restart the browser.';

// The service worker may be starting up (or restarting after eviction) when a request is sent;
// Chrome then rejects with "Receiving end does not exist", and a retry succeeds. The message was
// never delivered, so retrying cannot store anything twice; five tries (3 s in all) outlast a
// worker restart on a loaded machine, where three (0.7 s) lost pages in tests/e2e/fault-kills.
const sendWithRetry = async (request: Envelope): Promise<unknown> => {
  for (let attempt = 0; ; attempt++) {
    try {
      return await sendRuntimeMessage(request);
    } catch (error) {
      const transient = error instanceof Error && /Receiving end does not exist|Could not establish connection/i.test(error.message);
      if (!transient) throw error;
      // Chrome's own words mean nothing to a user: say what to do.
      if (attempt >= RETRIES) throw new DoppelError('engine_unavailable', NOT_ANSWERING);
      await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
    }
  }
};

/**
 * The channel closed with no answer: the receiver stopped (a service worker evicted or killed)
 * while handling the request, which may or may not have taken effect.
 */
export class UnansweredError extends DoppelError {
  constructor(method: string) {
    super('internal', `No part of Doppel answered ${method}. Try again.`);
  }
}

export const callBackground = async <K extends MethodName<BackgroundMethods>>(
  method: K,
  params: Params<BackgroundMethods, K>,
): Promise<Result<Answer<BackgroundMethods, K>>> => {
  const reply = await sendWithRetry({ method, params, to: 'background' });
  // Chrome's "message port closed before a response" arrives as `undefined` (runtime.ts).
  if (reply === undefined) throw new UnansweredError(method);
  return reply as Result<Answer<BackgroundMethods, K>>;
};

/** Throws a DoppelError instead of returning a failed Result: for UI code that shows errors in one place. */
export const rpc = async <K extends MethodName<BackgroundMethods>>(
  method: K,
  params: Params<BackgroundMethods, K>,
): Promise<Answer<BackgroundMethods, K>> => {
  const result = await callBackground(method, params);
  if (!result.ok) throw new DoppelError(result.error.code, result.error.message);
  return result.value;
};

export const callEngineHost = async <K extends MethodName<EngineHostMethods>>(
  method: K,
  params: Params<EngineHostMethods, K>,
): Promise<Result<Answer<EngineHostMethods, K>>> => {
  const reply = await sendWithRetry({ method, params, to: 'engine-host' });
  if (reply === undefined) throw new DoppelError('engine_unavailable', 'The engine host did not answer.');
  return reply as Result<Answer<EngineHostMethods, K>>;
};
