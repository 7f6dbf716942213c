import { showsPasswordField } from '../../adapters/capture/fields';
import { snapshotPage } from '../../adapters/capture/snapshot';
import { send, sendUntilAnswered, spentMs, timed } from './send';

// crypto.randomUUID needs a secure context, and many pages are plain http.
const newVisitId = (): string => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

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
    if (page && (page.html || page.text)) sendUntilAnswered('capture.page', { url: location.href, ...page, visitId: newVisitId() });
  });
  send('capture.timing', { ms: spentMs() });
};

/** Extraction waits for an idle moment so it never competes with the page's own first interactions. */
export const whenIdle = (fn: () => void): void => {
  if ('requestIdleCallback' in window) requestIdleCallback(fn, { timeout: 2000 });
  else setTimeout(fn, 200);
};
