import { needsFastCpuRewrite, readLayout, toFastCpuGguf, type ReadRange } from '../../core/engine/gguf/fast-cpu-gguf';
import type { ModelStore } from '../db/model-store';
import type { StoredModel } from '../db/schema';

// A rewrite holds the new file in memory while it is built; beyond this the model loads as it is.
const MAX_REWRITE_BYTES = 2 ** 30;

const blobReader = (blob: Blob): ReadRange => async (start, end) => new Uint8Array(await blob.slice(start, end).arrayBuffer());

/**
 * The model file as the CPU engine runs it fastest. llama.cpp's WebAssembly build has SIMD kernels
 * for Q8_0 but none for Q4_1, so a Q4_1 model (SmolLM2's starter file among them) is rewritten
 * once as Q8_0 — the same weights, about 1.5× the bytes, prefilling about 1.5× faster — and the
 * stored file is replaced, so the next load is the plain one. Anything else is left as it is.
 */
export const createCpuModelPreparer = (models: Pick<ModelStore, 'replaceBlob'>) => async (model: StoredModel): Promise<StoredModel> => {
  if (model.blob.size > MAX_REWRITE_BYTES) return model;
  const read = blobReader(model.blob);
  // A file the reader cannot parse is the engine's to refuse, with its own sentence.
  const layout = await readLayout(read, model.blob.size).catch(() => null);
  if (!layout || !needsFastCpuRewrite(layout)) return model;
  const blob = new Blob((await toFastCpuGguf(read, model.blob.size, layout)) as BlobPart[]);
  await models.replaceBlob(model.id, blob);
  return { ...model, blob };
};
