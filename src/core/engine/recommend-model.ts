import { CPU_CATALOG, DEFAULT_CPU_MODEL } from './cpu-catalog';
import { webLlmCatalogFor } from './model-offers';
import type { EngineKind } from './port';
import type { GpuPreflight } from './status';
import { WEBLLM_LIBS, type PinnedLib } from './webllm-libs';

export interface ModelRecommendation {
  engine: EngineKind;
  modelId: string;
  label: string;
  downloadBytes: number;
  contextWindow: number;
  /** Why this model, in a sentence for the user. */
  reason: string;
}

const MB = 2 ** 20;

/**
 * The default model for this device: the best WebLLM model that fits (the catalog is ordered best
 * first), else the CPU engine's default, saying why.
 */
export const recommendModel = (preflight: GpuPreflight, deviceMemoryGB?: number, libs: readonly PinnedLib[] = WEBLLM_LIBS): ModelRecommendation => {
  const [best] = webLlmCatalogFor(preflight, libs).offers;
  if (best) {
    const sizeMB = best.variant.precision === 'f32' ? best.model.downloadMB * 1.15 : best.model.downloadMB;
    return {
      engine: 'webllm',
      modelId: best.variant.modelId,
      label: best.model.label,
      downloadBytes: Math.round(sizeMB * MB),
      contextWindow: best.contextWindow,
      reason: `${best.model.label} is the largest model that fits your GPU (${preflight.description}). ${best.reason}`,
    };
  }
  const why = preflight.usable ? (libs.length ? 'No GPU model fits your GPU, so Doppel uses the CPU engine.' : 'This build carries no verified GPU model library, so Doppel uses the CPU engine.') : `${preflight.reason} Doppel uses the CPU engine.`;
  const lowMemory = deviceMemoryGB !== undefined && deviceMemoryGB < 4;
  const cpu = lowMemory ? CPU_CATALOG[0]! : DEFAULT_CPU_MODEL;
  return {
    engine: 'wllama',
    modelId: cpu.id,
    label: cpu.label,
    downloadBytes: cpu.sizeBytes,
    contextWindow: 2048,
    reason: `${why} ${cpu.label} ${lowMemory ? 'is small enough for this device\'s memory.' : 'is a good balance of quality and speed on a CPU.'}`,
  };
};
