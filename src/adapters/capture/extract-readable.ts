import { Readability } from '@mozilla/readability';
import { normalizeText } from '../../core/capture/normalize';

export interface Extracted {
  title: string;
  text: string;
  lang?: string;
}

/** Beyond this many elements Readability is too slow for the page's main thread; raw text is used instead. */
const MAX_ELEMENTS = 15_000;
/** Raw text read from huge documents before normalizing: the background keeps at most 50 KB anyway. */
const MAX_RAW_CHARS = 400_000;
const BLOCKS = 'p, div, li, td, th, tr, dt, dd, h1, h2, h3, h4, h5, h6, br, blockquote, pre, section, article, header, footer, aside, figcaption, caption';

/**
 * Readability on a clone (it mutates the DOM it reads), unless the document is `owned` (parsed
 * for this alone); the document's own text when it finds no article or it is too big.
 */
export const extractReadable = (doc: Document, maxChars: number, options: { owned?: boolean } = {}): Extracted => {
  let text = '';
  let title = doc.title;
  const lang = doc.documentElement.lang || undefined;
  const huge = doc.getElementsByTagName('*').length > MAX_ELEMENTS;
  if (!huge) {
    try {
      // The article comes back as an element, not HTML: its text is read with line breaks between
      // blocks (textContent runs "…on the form.Passport number…" together, which hides numbers
      // from the PII scrubber), touching only the article, not the whole page.
      const article = new Readability(options.owned ? doc : (doc.cloneNode(true) as Document), { charThreshold: 200, maxElemsToParse: MAX_ELEMENTS, serializer: (node) => node }).parse();
      if (article?.content instanceof Element) {
        for (const el of article.content.querySelectorAll(BLOCKS)) el.append('\n');
        text = article.content.textContent ?? '';
        title = article.title || title;
      }
    } catch {
      // Readability throws on some malformed or too-deep documents; fall through to the page's text.
    }
  }
  if (!text.trim()) {
    try {
      text = (huge ? doc.body?.textContent : doc.body?.innerText)?.slice(0, MAX_RAW_CHARS) ?? '';
    } catch {
      // A pathological document (too deep to lay out) still has its raw text.
      text = doc.body?.textContent?.slice(0, MAX_RAW_CHARS) ?? '';
    }
  }
  const normalized = normalizeText(text.slice(0, MAX_RAW_CHARS));
  return { title: title.trim(), text: normalized.slice(0, maxChars), ...(lang ? { lang } : {}) };
};
