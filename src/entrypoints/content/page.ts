import { showsPasswordField } from '../../adapters/capture/fields';
import { snapshotPage } from '../../adapters/capture/snapshot';
import { send, spentMs, timed } from './send';

/**
 * Snapshots and sends the page, unless it shows a password field. Sending is timed too: the
 * message is serialised on this thread.
 */
export const capturePage = (): void => {
  timed(() => {
    let page: ReturnType<typeof snapshotPage> | null;
    try {
      page = showsPasswordField(document) ? null : snapshotPage(document);
    } catch {
      page = null; // A document that defeats serialisation is simply not captured.
    }
    if (page && (page.html || page.text)) send('capture.page', { url: location.href, ...page });
  });
  send('capture.timing', { ms: spentMs() });
};

/** Extraction waits for an idle moment so it never competes with the page's own first interactions. */
export const whenIdle = (fn: () => void): void => {
  if ('requestIdleCallback' in window) requestIdleCallback(fn, { timeout: 2000 });
  else setTimeout(fn, 200);
};
