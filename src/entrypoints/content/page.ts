import { extractReadable } from '../../adapters/capture/extract-readable';
import { showsPasswordField } from '../../adapters/capture/fields';
import { send, spentMs, timed } from './send';

// Enough for any article; the background cuts again (to 50 KB of UTF-8), since a content script is not trusted.
const MAX_CHARS = 50_000;

/** Extracts and sends the page, unless it shows a password field. */
export const capturePage = (): void => {
  const page = timed(() => {
    try {
      return showsPasswordField(document) ? null : extractReadable(document, MAX_CHARS);
    } catch {
      return null; // A document that defeats extraction is simply not captured.
    }
  });
  if (page?.text) send('capture.page', { url: location.href, ...page });
  send('capture.timing', { ms: spentMs() });
};

/** Extraction waits for an idle moment so it never competes with the page's own first interactions. */
export const whenIdle = (fn: () => void): void => {
  if ('requestIdleCallback' in window) requestIdleCallback(fn, { timeout: 2000 });
  else setTimeout(fn, 200);
};
