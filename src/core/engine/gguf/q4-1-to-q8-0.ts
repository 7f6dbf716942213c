import { floatToHalf, halfToFloat } from './half';

export const GGML_Q4_1 = 3;
export const GGML_Q8_0 = 8;
export const BLOCK = 32;
export const Q4_1_BLOCK_BYTES = 20;
export const Q8_0_BLOCK_BYTES = 34;

/**
 * Rewrites Q4_1 blocks (f16 scale d, f16 minimum m, 32 four-bit codes: x = d·q + m) as Q8_0 blocks
 * (f16 scale, 32 signed bytes: x = d·q), the same values to within half of a 1/127 step of the
 * block's largest magnitude — far finer than Q4_1's own 1/15 step, so the model is unchanged to
 * the precision it was quantized at. The point is speed: llama.cpp's WebAssembly build has SIMD
 * kernels for Q8_0 and none for Q4_1.
 */
export const q41ToQ80 = (source: Uint8Array, target: Uint8Array): void => {
  const blocks = source.byteLength / Q4_1_BLOCK_BYTES;
  if (!Number.isInteger(blocks) || target.byteLength !== blocks * Q8_0_BLOCK_BYTES) throw new RangeError('Q4_1 → Q8_0: sizes do not match whole blocks.');
  const from = new DataView(source.buffer, source.byteOffset, source.byteLength);
  const to = new DataView(target.buffer, target.byteOffset, target.byteLength);
  const values = new Float64Array(BLOCK);
  for (let b = 0; b < blocks; b++) {
    const at = b * Q4_1_BLOCK_BYTES;
    const d = halfToFloat(from.getUint16(at, true));
    const m = halfToFloat(from.getUint16(at + 2, true));
    let amax = 0;
    for (let j = 0; j < 16; j++) {
      const byte = source[at + 4 + j]!;
      const low = d * (byte & 0x0f) + m;
      const high = d * (byte >> 4) + m;
      values[j] = low;
      values[j + 16] = high;
      amax = Math.max(amax, Math.abs(low), Math.abs(high));
    }
    const scaleBits = floatToHalf(amax / 127);
    const scale = halfToFloat(scaleBits);
    const out = b * Q8_0_BLOCK_BYTES;
    to.setUint16(out, scaleBits, true);
    for (let j = 0; j < BLOCK; j++) {
      const q = scale ? Math.round(values[j]! / scale) : 0;
      to.setInt8(out + 2 + j, Math.max(-127, Math.min(127, q)));
    }
  }
};
