// Builds small GGUF v3 files for tests: metadata of every value kind the reader skips, and tensors
// whose bytes the test chooses.
export interface TestTensor {
  name: string;
  dims: number[];
  type: number;
  data: Uint8Array;
}

const bytesOf = (write: (v: DataView) => void, size: number) => {
  const out = new Uint8Array(size);
  write(new DataView(out.buffer));
  return out;
};
const u32 = (n: number) => bytesOf((v) => v.setUint32(0, n, true), 4);
const u64 = (n: number) => bytesOf((v) => v.setBigUint64(0, BigInt(n), true), 8);
const text = (s: string) => {
  const b = new TextEncoder().encode(s);
  return [u64(b.length), b];
};
const join = (parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) out.set(p, (at += p.byteLength) - p.byteLength);
  return out;
};

/**
 * A GGUF file with `tensors` laid out in the data section in `dataOrder` (indexes into `tensors`),
 * each at an offset aligned to `alignment`, and `extraText` bytes of vocabulary in the metadata.
 */
export const testGguf = (tensors: TestTensor[], { alignment = 32, fileType = 3, dataOrder = tensors.map((_, i) => i), extraText = 0 } = {}): Uint8Array<ArrayBuffer> => {
  const kv = [
    ...text('general.architecture'), u32(8), ...text('llama'),
    ...text('general.alignment'), u32(4), u32(alignment),
    ...text('general.file_type'), u32(4), u32(fileType),
    ...text('general.flag'), u32(7), new Uint8Array([1]),
    ...text('llama.rope.scale'), u32(6), u32(0x3f800000),
    ...text('tokenizer.ggml.tokens'), u32(9), u32(8), u64(3), ...text('<s>'), ...text('a'.repeat(extraText)), ...text('b'),
    ...text('tokenizer.ggml.scores'), u32(9), u32(6), u64(2), u32(0), u32(0),
  ];
  const offsets = new Array<number>(tensors.length);
  let cursor = 0;
  for (const i of dataOrder) {
    offsets[i] = cursor;
    cursor += Math.ceil(tensors[i]!.data.byteLength / alignment) * alignment;
  }
  const table = tensors.flatMap((t, i) => [...text(t.name), u32(t.dims.length), ...t.dims.map(u64), u32(t.type), u64(offsets[i]!)]);
  const head = join([new TextEncoder().encode('GGUF'), u32(3), u64(tensors.length), u64(7), ...kv, ...table]);
  const dataStart = Math.ceil(head.byteLength / alignment) * alignment;
  const file = new Uint8Array(dataStart + cursor - (Math.ceil(tensors[dataOrder.at(-1)!]!.data.byteLength / alignment) * alignment - tensors[dataOrder.at(-1)!]!.data.byteLength));
  file.set(head);
  tensors.forEach((t, i) => file.set(t.data, dataStart + offsets[i]!));
  return file;
};
