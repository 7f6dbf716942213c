import { extractReadable } from '../../adapters/capture/extract-readable';
import { callBackground } from '../../messaging/client';
import { serveTasks } from './tasks';

// Enough for any article; the background cuts again, since a content script is not trusted.
const MAX_CHARS = 50_000;

const capture = () => {
  const page = extractReadable(document, MAX_CHARS);
  if (!page.text) return;
  void callBackground('capture.page', { url: location.href, ...page }).catch(() => {
    // The extension was reloaded or updated under this page; there is nobody to tell.
  });
};

if (window.top === window) capture();
serveTasks();
