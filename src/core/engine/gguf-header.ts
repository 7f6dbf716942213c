/** Bytes of a GGUF header Doppel checks: magic, version, tensor count and metadata count. */
export const GGUF_HEADER_BYTES = 24;

/**
 * Whether `head` (a file's first bytes) starts like a GGUF model: the "GGUF" magic and a known
 * version. A damaged or wrong file is caught here with a sentence, before the engine parses it.
 */
export const looksLikeGguf = (head: Uint8Array): boolean => {
  if (head.length < GGUF_HEADER_BYTES) return false;
  const magic = String.fromCharCode(head[0]!, head[1]!, head[2]!, head[3]!);
  const version = new DataView(head.buffer, head.byteOffset, head.byteLength).getUint32(4, true);
  return magic === 'GGUF' && version >= 1 && version <= 3;
};

export const damagedModelMessage = (name: string): string =>
  `The model file "${name}" is damaged or is not a GGUF model. Remove it in Options → Model and add it again.`;

/** The smallest file that passes the header check (version 3, no tensors): for test doubles of the engine. */
export const ggufHeaderOnly = (): Uint8Array<ArrayBuffer> => {
  const head = new Uint8Array(GGUF_HEADER_BYTES);
  head.set([0x47, 0x47, 0x55, 0x46, 3]);
  return head;
};
