import 'fake-indexeddb/auto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { readGgufLayout } from '../../core/engine/gguf/gguf-layout';
import { testGguf } from '../../core/engine/gguf/gguf-test-file';
import { halfToFloat } from '../../core/engine/gguf/half';
import { GGML_Q4_1, GGML_Q8_0 } from '../../core/engine/gguf/q4-1-to-q8-0';
import { createModelStore } from '../db/model-store';
import { openDoppelDb } from '../db/open-db';
import { createCpuModelPreparer } from './fast-cpu-model';

const bytes = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());
let n = 0;
const store = () => {
  const name = `fast-cpu-model-${n++}`;
  return createModelStore(() => openDoppelDb(name));
};
const q41Tensor = () => {
  const data = new Uint8Array(40);
  data.set([0x00, 0x3c, 0x00, 0xbc], 0); // d = 1, m = −1
  data.fill(0x5a, 4, 20);
  data.set([0x00, 0x38, 0x00, 0x00], 20); // d = 0.5, m = 0
  data.fill(0xf0, 24, 40);
  return { name: 'blk.0.attn_q.weight', dims: [64], type: GGML_Q4_1, data };
};

describe('preparing a stored model for the CPU engine', () => {
  it('rewrites a Q4_1 model as Q8_0 once, stores it, and keeps the size the user added', async () => {
    const models = store();
    const file = new Blob([testGguf([q41Tensor()])]);
    const added = await models.add(file, 'tiny-q4_1');
    const spy = { replaceBlob: vi.fn(models.replaceBlob) };
    const prepare = createCpuModelPreparer(spy);
    const first = await prepare((await models.get(added.id))!);
    const layout = readGgufLayout(await bytes(first.blob));
    expect(layout.tensors[0]!.type).toBe(GGML_Q8_0);
    // The first block's codes are 10 (low nibble) and 5: 1·10 − 1 = 9 and 1·5 − 1 = 4, scale 9/127.
    const view = new DataView(await first.blob.arrayBuffer());
    const scale = halfToFloat(view.getUint16(layout.dataStart, true));
    expect(scale * view.getInt8(layout.dataStart + 2)).toBeCloseTo(9, 2);
    expect(scale * view.getInt8(layout.dataStart + 2 + 16)).toBeCloseTo(4, 1);
    const stored = (await models.get(added.id))!;
    expect(await bytes(stored.blob)).toEqual(await bytes(first.blob));
    expect(stored.size).toBe(file.size);
    const again = await prepare(stored);
    expect(again.blob).toBe(stored.blob);
    expect(spy.replaceBlob).toHaveBeenCalledTimes(1);
  });

  it('leaves other models, and files it cannot read, as they are', async () => {
    const models = store();
    const prepare = createCpuModelPreparer(models);
    for (const blob of [new Blob([testGguf([{ ...q41Tensor(), type: GGML_Q8_0, data: new Uint8Array(68) }], { fileType: 7 })]), new Blob(['not a model at all'])]) {
      const added = await models.add(blob, 'other');
      const model = (await models.get(added.id))!;
      expect((await prepare(model)).blob).toBe(model.blob);
    }
  });

  // The real starter model: every rewritten tensor holds the values of the Q4_1 original.
  const smollm2 = resolve(import.meta.dirname, '../../../.models/SmolLM2-135M-Instruct.Q4_1.gguf');
  it.skipIf(!existsSync(smollm2))('SmolLM2-135M-Instruct: every Q4_1 tensor becomes Q8_0 with the same values', { timeout: 120_000 }, async () => {
    const source = new Uint8Array(readFileSync(smollm2));
    const models = store();
    const added = await models.add(new Blob([source]), 'SmolLM2');
    const out = await bytes((await createCpuModelPreparer(models)((await models.get(added.id))!)).blob);
    const [before, after] = [readGgufLayout(source), readGgufLayout(out)];
    expect(after.tensors.map((t) => t.name)).toEqual(before.tensors.map((t) => t.name));
    expect(after.tensors.filter((t) => t.type === GGML_Q4_1)).toEqual([]);
    const src = new DataView(source.buffer, source.byteOffset);
    const dst = new DataView(out.buffer);
    let worst = 0;
    let checked = 0;
    before.tensors.forEach((t, i) => {
      if (t.type !== GGML_Q4_1) return;
      const blocks = t.dims.reduce((a, d) => a * Number(d), 1) / 32;
      // Every 97th block of every tensor: over a million values, in seconds.
      for (let b = 0; b < blocks; b += 97) {
        const at = before.dataStart + Number(t.offset) + b * 20;
        const [d, m] = [halfToFloat(src.getUint16(at, true)), halfToFloat(src.getUint16(at + 2, true))];
        const to = after.dataStart + Number(after.tensors[i]!.offset) + b * 34;
        const scale = halfToFloat(dst.getUint16(to, true));
        const values = Array.from({ length: 32 }, (_, j) => d * (j < 16 ? source[at + 4 + j]! & 15 : source[at + 4 + j - 16]! >> 4) + m);
        const amax = Math.max(...values.map(Math.abs));
        values.forEach((v, j) => {
          // Half a step of 1/127 of the block's largest magnitude, relative to that magnitude.
          if (amax) worst = Math.max(worst, Math.abs(scale * dst.getInt8(to + 2 + j) - v) / amax);
          checked++;
        });
      }
    });
    expect(checked).toBeGreaterThan(1_000_000);
    // Half a Q8_0 step (1/254 of the largest magnitude, plus the scale's binary16 rounding):
    // far under Q4_1's own step of 1/15 of the block's range.
    expect(worst).toBeLessThan((1 / 254) * 1.01);
  });
});
