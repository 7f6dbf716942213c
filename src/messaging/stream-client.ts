import browser from 'webextension-polyfill';
import { GENERATE_PORT, type GenerateClientMessage, type GenerateHostMessage } from './protocol';

const KEEPALIVE_MS = 10_000;

/**
 * Streams a job's generation from the engine host. Aborting `signal` closes the port, which
 * interrupts the generation on the host side.
 */
export const streamJob = (jobId: string, onMessage: (message: GenerateHostMessage) => void, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const port = browser.runtime.connect({ name: GENERATE_PORT });
    const send = (message: GenerateClientMessage) => port.postMessage(message);
    const keepalive = setInterval(() => send({ type: 'keepalive' }), KEEPALIVE_MS);
    const close = () => {
      clearInterval(keepalive);
      signal.removeEventListener('abort', onAbort);
      resolve();
    };
    const onAbort = () => {
      port.disconnect();
      close();
    };
    signal.addEventListener('abort', onAbort, { once: true });
    port.onMessage.addListener((message: unknown) => onMessage(message as GenerateHostMessage));
    port.onDisconnect.addListener(close);
    send({ type: 'start', jobId });
  });
