/** One tensor's entry in a GGUF file's table. `offset` is relative to the start of the data section. */
export interface GgufTensor {
  name: string;
  dims: bigint[];
  type: number;
  offset: bigint;
  /** Where this entry's `type` field is in the file, so a rewrite can patch it in place. */
  typeAt: number;
}

/** A GGUF file's layout: everything before the tensor data, parsed only as far as a rewrite needs. */
export interface GgufLayout {
  version: number;
  alignment: number;
  tensors: GgufTensor[];
  /** End of the tensor table (before padding); the data starts at the next multiple of `alignment`. */
  tableEnd: number;
  dataStart: number;
  /** Where `general.file_type`'s u32 value is, if the file has one. */
  fileTypeAt?: number;
}

// GGUF metadata value types (gguf.h): fixed sizes by type id; 8 = string, 9 = array.
const FIXED_SIZE: Record<number, number> = { 0: 1, 1: 1, 2: 2, 3: 2, 4: 4, 5: 4, 6: 4, 7: 1, 10: 8, 11: 8, 12: 8 };
const STRING = 8;
const ARRAY = 9;
const UINT32 = 4;

export class GgufFormatError extends Error {}

/**
 * Reads a GGUF v2/v3 header, metadata and tensor table from `bytes` (the file's start; the table
 * of a small model is a few hundred KB). Throws GgufFormatError when the bytes end too soon or are
 * not GGUF, so a caller can read more, or leave the file alone.
 */
export const readGgufLayout = (bytes: Uint8Array): GgufLayout => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  const need = (n: number) => {
    if (at + n > bytes.byteLength) throw new GgufFormatError('The GGUF header ends before its tensor table does.');
  };
  const u32 = () => (need(4), (at += 4), view.getUint32(at - 4, true));
  const u64 = () => (need(8), (at += 8), view.getBigUint64(at - 8, true));
  const count = () => {
    // Every counted item takes at least a byte, so a count beyond what was read means read more
    // (or, at the file's end, a damaged file).
    const n = u64();
    if (n > BigInt(bytes.byteLength - at)) throw new GgufFormatError('The GGUF header ends before its tensor table does.');
    return Number(n);
  };
  const text = () => {
    const n = count();
    need(n);
    at += n;
    return new TextDecoder().decode(bytes.subarray(at - n, at));
  };
  const skipValue = (type: number): void => {
    if (type === STRING) return void text();
    if (type === ARRAY) {
      const itemType = u32();
      const n = count();
      if (itemType in FIXED_SIZE) return void (need(n * FIXED_SIZE[itemType]!), (at += n * FIXED_SIZE[itemType]!));
      for (let i = 0; i < n; i++) skipValue(itemType);
      return;
    }
    const size = FIXED_SIZE[type];
    if (size === undefined) throw new GgufFormatError(`Unknown GGUF metadata type ${type}.`);
    need(size);
    at += size;
  };

  if (bytes.byteLength < 4 || String.fromCharCode(...bytes.subarray(0, 4)) !== 'GGUF') throw new GgufFormatError('Not a GGUF file.');
  at = 4;
  const version = u32();
  if (version < 2 || version > 3) throw new GgufFormatError(`GGUF version ${version} is not supported.`);
  const tensorCount = count();
  const kvCount = count();
  let alignment = 32;
  let fileTypeAt: number | undefined;
  for (let i = 0; i < kvCount; i++) {
    const key = text();
    const type = u32();
    if (key === 'general.alignment' && type === UINT32) {
      alignment = view.getUint32((need(4), at), true);
    }
    if (key === 'general.file_type' && type === UINT32) fileTypeAt = at;
    skipValue(type);
  }
  const tensors: GgufTensor[] = [];
  for (let i = 0; i < tensorCount; i++) {
    const name = text();
    const nDims = u32();
    const dims: bigint[] = [];
    for (let d = 0; d < nDims; d++) dims.push(u64());
    const typeAt = at;
    const type = u32();
    const offset = u64();
    tensors.push({ name, dims, type, offset, typeAt });
  }
  const tableEnd = at;
  const dataStart = Math.ceil(tableEnd / alignment) * alignment;
  return { version, alignment, tensors, tableEnd, dataStart, ...(fileTypeAt !== undefined ? { fileTypeAt } : {}) };
};
