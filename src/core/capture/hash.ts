/**
 * FNV-1a over UTF-16 code units, two independent 32-bit lanes: fast, synchronous and pure, which
 * crypto.subtle is not. Used to dedupe revisits, not for security.
 */
export const contentHash = (text: string): string => {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
};
