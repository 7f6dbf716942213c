import type { GpuPreflight } from './status';

/** The shapes that decide a model's largest GPU buffer (from each model's config.json). */
export interface ModelShape {
  vocab: number;
  hidden: number;
  layers: number;
  kvHeads: number;
  headDim: number;
}

/** A WebLLM model offered to the user, with both precision variants where MLC ships them. */
export interface WebLlmModel {
  family: string;
  label: string;
  f16?: { id: string; vramMB: number };
  f32?: { id: string; vramMB: number };
  /** Download size of the f16 weights, roughly; f32 weights are about 15% larger. */
  downloadMB: number;
  contextWindow: number;
  shape: ModelShape;
}

// VRAM numbers are WebLLM 0.2.86's prebuilt vram_required_MB (see shared/docs/anchors.md); shapes
// are from the models' config.json. Listed best first: the recommendation is the first that fits.
export const WEBLLM_CATALOG: readonly WebLlmModel[] = [
  { family: 'qwen2.5-1.5b', label: 'Qwen2.5 1.5B Instruct', f16: { id: 'Qwen2.5-1.5B-Instruct-q4f16_1-MLC', vramMB: 1630 }, f32: { id: 'Qwen2.5-1.5B-Instruct-q4f32_1-MLC', vramMB: 1889 }, downloadMB: 870, contextWindow: 4096, shape: { vocab: 151936, hidden: 1536, layers: 28, kvHeads: 2, headDim: 128 } },
  { family: 'llama-3.2-3b', label: 'Llama 3.2 3B Instruct', f16: { id: 'Llama-3.2-3B-Instruct-q4f16_1-MLC', vramMB: 2264 }, f32: { id: 'Llama-3.2-3B-Instruct-q4f32_1-MLC', vramMB: 2952 }, downloadMB: 1800, contextWindow: 4096, shape: { vocab: 128256, hidden: 3072, layers: 28, kvHeads: 8, headDim: 128 } },
  { family: 'qwen3-1.7b', label: 'Qwen3 1.7B', f16: { id: 'Qwen3-1.7B-q4f16_1-MLC', vramMB: 2037 }, f32: { id: 'Qwen3-1.7B-q4f32_1-MLC', vramMB: 2635 }, downloadMB: 980, contextWindow: 4096, shape: { vocab: 151936, hidden: 2048, layers: 28, kvHeads: 8, headDim: 128 } },
  { family: 'llama-3.2-1b', label: 'Llama 3.2 1B Instruct', f16: { id: 'Llama-3.2-1B-Instruct-q4f16_1-MLC', vramMB: 879 }, f32: { id: 'Llama-3.2-1B-Instruct-q4f32_1-MLC', vramMB: 1129 }, downloadMB: 700, contextWindow: 4096, shape: { vocab: 128256, hidden: 2048, layers: 16, kvHeads: 8, headDim: 64 } },
  { family: 'gemma3-1b', label: 'Gemma 3 1B Instruct', f16: { id: 'gemma3-1b-it-q4f16_1-MLC', vramMB: 711 }, downloadMB: 700, contextWindow: 4096, shape: { vocab: 262144, hidden: 1152, layers: 26, kvHeads: 1, headDim: 256 } },
  { family: 'qwen3-0.6b', label: 'Qwen3 0.6B', f16: { id: 'Qwen3-0.6B-q4f16_1-MLC', vramMB: 1403 }, f32: { id: 'Qwen3-0.6B-q4f32_1-MLC', vramMB: 1925 }, downloadMB: 340, contextWindow: 4096, shape: { vocab: 151936, hidden: 1024, layers: 28, kvHeads: 8, headDim: 128 } },
  { family: 'qwen2.5-0.5b', label: 'Qwen2.5 0.5B Instruct', f16: { id: 'Qwen2.5-0.5B-Instruct-q4f16_1-MLC', vramMB: 945 }, f32: { id: 'Qwen2.5-0.5B-Instruct-q4f32_1-MLC', vramMB: 1060 }, downloadMB: 280, contextWindow: 4096, shape: { vocab: 151936, hidden: 896, layers: 24, kvHeads: 2, headDim: 64 } },
  { family: 'smollm2-360m', label: 'SmolLM2 360M Instruct', f16: { id: 'SmolLM2-360M-Instruct-q4f16_1-MLC', vramMB: 376 }, f32: { id: 'SmolLM2-360M-Instruct-q4f32_1-MLC', vramMB: 580 }, downloadMB: 200, contextWindow: 4096, shape: { vocab: 49152, hidden: 960, layers: 32, kvHeads: 5, headDim: 64 } },
];

export interface VariantChoice {
  modelId: string;
  precision: 'f16' | 'f32';
  vramMB: number;
  reason: string;
}

/**
 * Every q4f16/q0f16 WebLLM model needs shader-f16 (web-llm #255), so without it only the q4f32
 * variant can run; a family without one cannot run on this adapter at all.
 */
export const pickVariant = (model: WebLlmModel, preflight: GpuPreflight): VariantChoice | null => {
  if (preflight.shaderF16 && model.f16) {
    return { modelId: model.f16.id, precision: 'f16', vramMB: model.f16.vramMB, reason: 'Your GPU supports 16-bit shaders.' };
  }
  if (model.f32) {
    return {
      modelId: model.f32.id,
      precision: 'f32',
      vramMB: model.f32.vramMB,
      reason: preflight.shaderF16
        ? 'Only a 32-bit build of this model exists.'
        : 'Your GPU lacks 16-bit shader support (shader-f16), so the 32-bit (q4f32) build is used.',
    };
  }
  return null;
};

/** The q4f32 build of a q4f16 model id, for the automatic switch when shader-f16 turns out missing. */
export const f32VariantOf = (modelId: string): string | undefined => WEBLLM_CATALOG.find((m) => m.f16?.id === modelId)?.f32?.id;

/**
 * An estimate of the largest single GPU buffer a model binds: the 4-bit embedding table
 * (vocab × hidden / 2 bytes) or one layer's KV cache at the given context. Devices limited to
 * 128 MB per storage buffer cannot bind a bigger one (web-llm #209, #310).
 */
export const largestBufferBytes = (shape: ModelShape, precision: 'f16' | 'f32', contextWindow: number): number => {
  const embedding = (shape.vocab * shape.hidden) / 2;
  const kvLayer = 2 * contextWindow * shape.kvHeads * shape.headDim * (precision === 'f16' ? 2 : 4);
  return Math.max(embedding, kvLayer);
};
