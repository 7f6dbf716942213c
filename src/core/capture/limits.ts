/** At most this many UTF-8 bytes of a page's text are stored. */
export const MAX_PAGE_BYTES = 50_000;
export const MAX_WRITING_CHARS = 20_000;
export const MAX_REPLY_TO_CHARS = 2_000;
export const MAX_TITLE_CHARS = 500;

const encoder = new TextEncoder();

/** Cuts text to at most `maxBytes` of UTF-8, never inside a character. */
export const cutToBytes = (text: string, maxBytes: number): string => {
  if (text.length * 3 <= maxBytes) return text;
  const bytes = encoder.encode(text);
  if (bytes.length <= maxBytes) return text;
  let end = maxBytes;
  while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--;
  return new TextDecoder().decode(bytes.subarray(0, end));
};
