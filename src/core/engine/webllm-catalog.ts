import type { GpuPreflight } from './status';

/** A WebLLM model offered to the user, with both precision variants where MLC ships them. */
export interface WebLlmModel {
  family: string;
  label: string;
  f16?: { id: string; vramMB: number };
  f32?: { id: string; vramMB: number };
  /** Download size of the f16 weights, roughly; f32 weights are about 15% larger. */
  downloadMB: number;
  contextWindow: number;
}

// VRAM numbers are WebLLM 0.2.86's prebuilt vram_required_MB (see shared/docs/anchors.md).
export const WEBLLM_CATALOG: readonly WebLlmModel[] = [
  { family: 'llama-3.2-1b', label: 'Llama 3.2 1B Instruct', f16: { id: 'Llama-3.2-1B-Instruct-q4f16_1-MLC', vramMB: 879 }, f32: { id: 'Llama-3.2-1B-Instruct-q4f32_1-MLC', vramMB: 1129 }, downloadMB: 700, contextWindow: 4096 },
  { family: 'qwen2.5-0.5b', label: 'Qwen2.5 0.5B Instruct', f16: { id: 'Qwen2.5-0.5B-Instruct-q4f16_1-MLC', vramMB: 945 }, f32: { id: 'Qwen2.5-0.5B-Instruct-q4f32_1-MLC', vramMB: 1060 }, downloadMB: 280, contextWindow: 4096 },
  { family: 'qwen2.5-1.5b', label: 'Qwen2.5 1.5B Instruct', f16: { id: 'Qwen2.5-1.5B-Instruct-q4f16_1-MLC', vramMB: 1630 }, f32: { id: 'Qwen2.5-1.5B-Instruct-q4f32_1-MLC', vramMB: 1889 }, downloadMB: 870, contextWindow: 4096 },
  { family: 'qwen3-0.6b', label: 'Qwen3 0.6B', f16: { id: 'Qwen3-0.6B-q4f16_1-MLC', vramMB: 1403 }, f32: { id: 'Qwen3-0.6B-q4f32_1-MLC', vramMB: 1925 }, downloadMB: 340, contextWindow: 4096 },
  { family: 'smollm2-360m', label: 'SmolLM2 360M Instruct', f16: { id: 'SmolLM2-360M-Instruct-q4f16_1-MLC', vramMB: 376 }, f32: { id: 'SmolLM2-360M-Instruct-q4f32_1-MLC', vramMB: 580 }, downloadMB: 200, contextWindow: 4096 },
  { family: 'gemma3-1b', label: 'Gemma 3 1B Instruct', f16: { id: 'gemma3-1b-it-q4f16_1-MLC', vramMB: 711 }, downloadMB: 700, contextWindow: 4096 },
  { family: 'llama-3.2-3b', label: 'Llama 3.2 3B Instruct', f16: { id: 'Llama-3.2-3B-Instruct-q4f16_1-MLC', vramMB: 2264 }, downloadMB: 1800, contextWindow: 4096 },
];

export interface VariantChoice {
  modelId: string;
  precision: 'f16' | 'f32';
  reason: string;
}

/**
 * Every q4f16/q0f16 WebLLM model needs shader-f16 (web-llm #255), so without it only the q4f32
 * variant can run; a family without one cannot run on this adapter at all.
 */
export const pickVariant = (model: WebLlmModel, preflight: GpuPreflight): VariantChoice | null => {
  if (preflight.shaderF16 && model.f16) {
    return { modelId: model.f16.id, precision: 'f16', reason: 'Your GPU supports 16-bit shaders.' };
  }
  if (model.f32) {
    return {
      modelId: model.f32.id,
      precision: 'f32',
      reason: preflight.shaderF16
        ? 'Only a 32-bit build of this model exists.'
        : 'Your GPU lacks 16-bit shader support (shader-f16), so the 32-bit (q4f32) build is used.',
    };
  }
  return null;
};
