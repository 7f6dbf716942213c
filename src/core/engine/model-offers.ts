import type { GpuPreflight } from './status';
import { pinnedLib, WEBLLM_LIBS, type PinnedLib } from './webllm-libs';
import { largestBufferBytes, pickVariant, WEBLLM_CATALOG, type VariantChoice, type WebLlmModel } from './webllm-catalog';

/** The context Doppel retries with after the GPU runs out of memory (WebLLM's "-1k" size). */
export const SMALL_CONTEXT = 1024;
/** VRAM a model may use, of the estimate: the browser, the compositor and other tabs need the rest. */
const VRAM_HEADROOM = 0.8;

export interface WebLlmOffer {
  model: WebLlmModel;
  variant: VariantChoice;
  contextWindow: number;
  /** Why this variant and context, for the user. */
  reason: string;
}

export interface CatalogView {
  offers: WebLlmOffer[];
  /** Models left out on this device, each with the reason. */
  excluded: { model: WebLlmModel; reason: string }[];
}

const fitsBuffers = (model: WebLlmModel, variant: VariantChoice, limit: number): boolean =>
  !limit || largestBufferBytes(model.shape, variant.precision, model.contextWindow) <= limit;

/**
 * The WebLLM models that can run on this adapter: the right precision, within VRAM and buffer
 * limits, and a model library this build has pinned (URL + sha256): no other code is ever run.
 */
export const webLlmCatalogFor = (preflight: GpuPreflight, libs: readonly PinnedLib[] = WEBLLM_LIBS): CatalogView => {
  const view: CatalogView = { offers: [], excluded: [] };
  if (!preflight.usable) {
    for (const model of WEBLLM_CATALOG) view.excluded.push({ model, reason: preflight.reason });
    return view;
  }
  const vramBudget = preflight.vramEstimateMB ? preflight.vramEstimateMB * VRAM_HEADROOM : Infinity;
  for (const model of WEBLLM_CATALOG) {
    const variant = pickVariant(model, preflight);
    if (!variant) {
      view.excluded.push({ model, reason: 'Only a 16-bit build exists, and your GPU lacks shader-f16.' });
      continue;
    }
    if (!pinnedLib(variant.modelId, libs)) {
      view.excluded.push({ model, reason: 'This build of Doppel carries no verified model library for it, so it is not offered (see README, "What goes over the network").' });
      continue;
    }
    if (variant.vramMB > vramBudget) {
      view.excluded.push({ model, reason: `Needs about ${Math.round(variant.vramMB)} MB of GPU memory; your GPU has an estimated ${preflight.vramEstimateMB} MB.` });
      continue;
    }
    if (!fitsBuffers(model, variant, preflight.maxStorageBufferBindingSize)) {
      view.excluded.push({ model, reason: `Its largest buffer exceeds your GPU's ${Math.round(preflight.maxStorageBufferBindingSize / 2 ** 20)} MB storage-buffer limit.` });
      continue;
    }
    view.offers.push({ model, variant, contextWindow: model.contextWindow, reason: variant.reason });
  }
  return view;
};
