import { extractReadable, type Extracted } from './extract-readable';

/**
 * Parses markup a content script sent and extracts its readable text: DOMParser and Readability,
 * run in the engine host (offscreen document, or Firefox's background page), never on the page.
 * A parsed document runs no scripts and loads nothing.
 */
export const extractFromHtml = (html: string, maxChars: number): Extracted => {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return extractReadable(doc, maxChars, { owned: true });
};
