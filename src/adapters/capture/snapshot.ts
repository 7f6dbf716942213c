/** What a content script hands over: the page's markup as it is now, parsed elsewhere. */
export interface PageSnapshot {
  title: string;
  html?: string;
  /** Only for documents too big to send as markup: their raw text, cut. */
  text?: string;
  lang?: string;
}

/** Beyond this much markup the page's raw text is sent instead (the background keeps 50 KB of text anyway). */
export const MAX_HTML_CHARS = 6_000_000;
const MAX_RAW_CHARS = 400_000;

// Readability drops scripts and styles (keeping only JSON-LD metadata); cutting them from the
// string first is one linear pass, and halves what is serialised into the message on big sites.
const SCRIPTS = /<script\b(?![^>]*ld\+json)[^>]*>[\s\S]*?<\/script>|<style\b[^>]*>[\s\S]*?<\/style>/gi;

export const withoutScripts = (html: string): string => html.replace(SCRIPTS, '');

/**
 * The only extraction work done on the page's own thread: one serialisation of the live DOM
 * (what scripts rendered included), which the browser does natively in a few milliseconds.
 * Parsing and Readability run in the engine host, off the page.
 */
export const snapshotPage = (doc: Document): PageSnapshot => {
  const lang = doc.documentElement.lang || undefined;
  const base = { title: doc.title, ...(lang ? { lang } : {}) };
  const html = withoutScripts(doc.documentElement.outerHTML);
  if (html.length <= MAX_HTML_CHARS) return { ...base, html };
  return { ...base, text: (doc.body?.textContent ?? '').slice(0, MAX_RAW_CHARS) };
};
