import { GgufFormatError, readGgufLayout, type GgufLayout } from './gguf-layout';
import { BLOCK, GGML_Q4_1, GGML_Q8_0, Q4_1_BLOCK_BYTES, Q8_0_BLOCK_BYTES, q41ToQ80 } from './q4-1-to-q8-0';

// llama_ftype values (llama.h) for the file-wide type in `general.file_type`.
const FTYPE_MOSTLY_Q4_1 = 3;
const FTYPE_MOSTLY_Q8_0 = 7;
const FIRST_READ = 4 * 2 ** 20;

/** Reads bytes [start, end) of a model file (a Blob slice in the browser, a file range in node). */
export type ReadRange = (start: number, end: number) => Promise<Uint8Array>;

/** The header and tensor table of a GGUF file of `size` bytes, read in growing pieces (vocabularies make some tables several MB). */
export const readLayout = async (read: ReadRange, size: number): Promise<GgufLayout> => {
  for (let want = Math.min(FIRST_READ, size); ; want = Math.min(want * 4, size)) {
    try {
      return readGgufLayout(await read(0, want));
    } catch (error) {
      if (!(error instanceof GgufFormatError) || !error.message.includes('ends before') || want === size) throw error;
    }
  }
};

/** Whether a file has tensors the CPU engine runs without SIMD, which `toFastCpuGguf` rewrites. */
export const needsFastCpuRewrite = (layout: GgufLayout): boolean => layout.tensors.some((t) => t.type === GGML_Q4_1);

const elements = (dims: bigint[]) => dims.reduce((n, d) => n * Number(d), 1);

/**
 * The same model with every Q4_1 tensor stored as Q8_0 (see q41ToQ80), as the parts of a new
 * file (for a Blob or a file stream). Tensor order, names, metadata and alignment are kept; only
 * types, offsets and `general.file_type` change. Reads one tensor at a time, so the source file is
 * never in memory whole.
 */
export const toFastCpuGguf = async (read: ReadRange, size: number, layout?: GgufLayout): Promise<Uint8Array[]> => {
  const table = layout ?? (await readLayout(read, size));
  const header = (await read(0, table.dataStart)).slice();
  const view = new DataView(header.buffer);
  const byOffset = [...table.tensors].sort((a, b) => Number(a.offset - b.offset));
  const parts: Uint8Array[] = [header];
  let cursor = 0;
  for (const [i, tensor] of byOffset.entries()) {
    const start = table.dataStart + Number(tensor.offset);
    view.setBigUint64(tensor.typeAt + 4, BigInt(cursor), true);
    let piece: Uint8Array;
    if (tensor.type === GGML_Q4_1) {
      const blocks = elements(tensor.dims) / BLOCK;
      piece = new Uint8Array(blocks * Q8_0_BLOCK_BYTES);
      q41ToQ80(await read(start, start + blocks * Q4_1_BLOCK_BYTES), piece);
      view.setUint32(tensor.typeAt, GGML_Q8_0, true);
    } else {
      // Another type is copied as it is, with the padding that followed it.
      const next = byOffset[i + 1];
      piece = await read(start, next ? table.dataStart + Number(next.offset) : size);
    }
    parts.push(piece);
    cursor += piece.byteLength;
    const pad = (table.alignment - (cursor % table.alignment)) % table.alignment;
    if (pad && i < byOffset.length - 1) {
      parts.push(new Uint8Array(pad));
      cursor += pad;
    }
  }
  if (table.fileTypeAt !== undefined && view.getUint32(table.fileTypeAt, true) === FTYPE_MOSTLY_Q4_1) view.setUint32(table.fileTypeAt, FTYPE_MOSTLY_Q8_0, true);
  return parts;
};
