/**
 * Page and selection text is data, never instructions: it goes inside a fence the text itself
 * cannot close, after the instructions that say so.
 */
export const FENCE = '------';

/** Any run of three or more dashes (or dash-like characters) becomes one em dash, so no data can spell the fence. */
const DASH_RUN = /[-‐‑‒–—―−﹣－]{3,}/g;

export const defang = (text: string): string => text.replace(DASH_RUN, '—');

export const fenceData = (label: string, text: string): string => `${label}:\n${FENCE}\n${defang(text).trim()}\n${FENCE}`;

/** Cuts text to about `maxChars`, at a word boundary where one is near. */
export const clip = (text: string, maxChars: number): string => {
  if (text.length <= maxChars) return text;
  const cut = text.slice(0, maxChars);
  const space = cut.lastIndexOf(' ');
  return `${space > maxChars * 0.8 ? cut.slice(0, space) : cut}…`;
};
