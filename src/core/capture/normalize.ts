/** Runs of spaces become one space and blank lines one line break: text as read, not as laid out. */
export const normalizeText = (text: string): string => text.replace(/[ \t\f\v\u00a0]+/g, ' ').replace(/\s*\n\s*/g, '\n').trim();
