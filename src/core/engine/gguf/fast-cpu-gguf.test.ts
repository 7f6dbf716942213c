import { describe, expect, it } from 'vitest';
import { needsFastCpuRewrite, readLayout, toFastCpuGguf, type ReadRange } from './fast-cpu-gguf';
import { GgufFormatError, readGgufLayout } from './gguf-layout';
import { testGguf } from './gguf-test-file';
import { floatToHalf, halfToFloat } from './half';
import { GGML_Q4_1, GGML_Q8_0 } from './q4-1-to-q8-0';

const F32 = 0;

/** Q4_1 blocks from explicit (d, m, codes) triples, and the values they stand for. */
const q41 = (blocks: { d: number; m: number; codes: number[] }[]) => {
  const data = new Uint8Array(blocks.length * 20);
  const view = new DataView(data.buffer);
  const values: number[] = [];
  blocks.forEach(({ d, m, codes }, b) => {
    view.setUint16(b * 20, floatToHalf(d), true);
    view.setUint16(b * 20 + 2, floatToHalf(m), true);
    for (let j = 0; j < 16; j++) data[b * 20 + 4 + j] = codes[j]! | (codes[j + 16]! << 4);
    const [dh, mh] = [halfToFloat(floatToHalf(d)), halfToFloat(floatToHalf(m))];
    values.push(...codes.map((q) => dh * q + mh));
  });
  return { data, values };
};
const q80Values = (data: Uint8Array) => {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const out: number[] = [];
  for (let b = 0; b < data.byteLength / 34; b++) {
    const d = halfToFloat(view.getUint16(b * 34, true));
    for (let j = 0; j < 32; j++) out.push(d * view.getInt8(b * 34 + 2 + j));
  }
  return out;
};
const concat = (parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) out.set(p, (at += p.byteLength) - p.byteLength);
  return out;
};
const reader = (file: Uint8Array, reads: [number, number][] = []): ReadRange => async (start, end) => (reads.push([start, end]), file.subarray(start, end));
const codes = (f: (j: number) => number) => Array.from({ length: 32 }, (_, j) => f(j));

describe('rewriting Q4_1 tensors as Q8_0 for the CPU engine', () => {
  const weights = q41([
    { d: 0.01, m: -0.08, codes: codes((j) => j % 16) },
    { d: 0.5, m: 1, codes: codes((j) => 15 - (j % 16)) },
    { d: 0, m: 0, codes: codes(() => 0) },
    { d: 0.002, m: -0.03, codes: codes((j) => (j * 7) % 16) },
  ]);
  const norm = new Uint8Array(new Float32Array([1, -2, 3.5, 0.25, 8, 9, 10, 11]).buffer);
  const bias = new Uint8Array(new Float32Array([0.5, 0.75, -1]).buffer);
  const file = testGguf(
    [
      { name: 'norm.weight', dims: [8], type: F32, data: norm },
      { name: 'blk.0.w', dims: [64, 2], type: GGML_Q4_1, data: weights.data },
      { name: 'output.bias', dims: [3], type: F32, data: bias },
    ],
    { alignment: 64, dataOrder: [1, 0, 2] },
  );

  it('reads the tensor table past metadata of every kind', () => {
    const layout = readGgufLayout(file);
    expect(layout.alignment).toBe(64);
    expect(layout.tensors.map((t) => [t.name, t.type, Number(t.offset)])).toEqual([['norm.weight', F32, 128], ['blk.0.w', GGML_Q4_1, 0], ['output.bias', F32, 192]]);
    expect(layout.dataStart % 64).toBe(0);
    expect(needsFastCpuRewrite(layout)).toBe(true);
  });

  it('stores the same values as Q8_0, keeps every other tensor byte for byte, and re-aligns the offsets', async () => {
    const out = concat(await toFastCpuGguf(reader(file), file.byteLength));
    const layout = readGgufLayout(out);
    expect(layout.tensors.map((t) => [t.name, t.type])).toEqual([['norm.weight', F32], ['blk.0.w', GGML_Q8_0], ['output.bias', F32]]);
    expect(needsFastCpuRewrite(layout)).toBe(false);
    const at = (name: string) => layout.dataStart + Number(layout.tensors.find((t) => t.name === name)!.offset);
    for (const t of layout.tensors) expect(Number(t.offset) % 64).toBe(0);
    // Q8_0 of 128 values is 4 × 34 = 136 bytes, padded to 192: the F32 tensor after it moves from 128 to 192.
    expect(Number(layout.tensors[0]!.offset)).toBe(192);
    expect(out.subarray(at('norm.weight'), at('norm.weight') + 32)).toEqual(norm);
    expect(out.subarray(at('output.bias'), at('output.bias') + 12)).toEqual(bias);
    expect(out.byteLength).toBe(at('output.bias') + 12);
    const rewritten = q80Values(out.subarray(at('blk.0.w'), at('blk.0.w') + 136));
    weights.values.forEach((v, i) => {
      const block = weights.values.slice(i - (i % 32), i - (i % 32) + 32);
      const step = Math.max(...block.map(Math.abs)) / 127;
      // Half a Q8_0 step, plus what storing the step as binary16 can move the largest value.
      expect(Math.abs(rewritten[i]! - v)).toBeLessThanOrEqual(step / 2 + step * 127 * 2 ** -11 + 1e-12);
    });
    expect(new DataView(out.buffer).getUint32(layout.fileTypeAt!, true)).toBe(7);
  });

  it('a file with no Q4_1 tensor needs no rewrite', () => {
    const f32only = testGguf([{ name: 'x', dims: [3], type: F32, data: bias }], { fileType: 0 });
    expect(needsFastCpuRewrite(readGgufLayout(f32only))).toBe(false);
  });

  it('reads more of the file when the tensor table is longer than the first read', async () => {
    const big = testGguf([{ name: 'blk.0.w', dims: [64, 2], type: GGML_Q4_1, data: weights.data }], { extraText: 5 * 2 ** 20 });
    const reads: [number, number][] = [];
    const layout = await readLayout(reader(big, reads), big.byteLength);
    expect(layout.tensors.map((t) => t.name)).toEqual(['blk.0.w']);
    expect(reads.length).toBe(2);
  });

  it('says what is wrong with a file that is not GGUF, or ends too soon', () => {
    expect(() => readGgufLayout(new TextEncoder().encode('PK\u0003\u0004 not a model'))).toThrow(GgufFormatError);
    expect(() => readGgufLayout(file.subarray(0, 100))).toThrow(/ends before/);
  });
});
