import { Readability } from '@mozilla/readability';

export interface Extracted {
  title: string;
  text: string;
  lang?: string;
}

/** Readability on a clone (it mutates the DOM it reads); the page's own innerText when it finds no article. */
export const extractReadable = (doc: Document, maxChars: number): Extracted => {
  let text = '';
  let title = doc.title;
  try {
    const article = new Readability(doc.cloneNode(true) as Document, { charThreshold: 200 }).parse();
    if (article?.textContent) {
      text = article.textContent;
      title = article.title || title;
    }
  } catch {
    // Readability throws on some malformed documents; fall through to innerText.
  }
  if (!text.trim()) text = doc.body?.innerText ?? '';
  const normalized = text.replace(/[ \t\f\v\u00a0]+/g, ' ').replace(/\s*\n\s*/g, '\n').trim();
  const lang = doc.documentElement.lang || undefined;
  return { title: title.trim(), text: normalized.slice(0, maxChars), ...(lang ? { lang } : {}) };
};
