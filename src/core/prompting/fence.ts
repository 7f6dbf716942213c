/**
 * Page and selection text is data, never instructions: it goes inside a fence the text itself
 * cannot close, after the instructions that say so.
 */
export const FENCE = '------';

export const fenceData = (label: string, text: string): string => {
  const safe = text.replaceAll(FENCE, '- - -');
  return `${label}:\n${FENCE}\n${safe.trim()}\n${FENCE}`;
};

/** Cuts text to about `maxChars`, at a word boundary where one is near. */
export const clip = (text: string, maxChars: number): string => {
  if (text.length <= maxChars) return text;
  const cut = text.slice(0, maxChars);
  const space = cut.lastIndexOf(' ');
  return `${space > maxChars * 0.8 ? cut.slice(0, space) : cut}…`;
};
