import type { GpuPreflight } from './status';

/** The parts of a GPUAdapter the preflight reads; a plain object in tests. */
export interface AdapterLike {
  features: { has(name: string): boolean };
  limits: { maxStorageBufferBindingSize: number };
  info?: { vendor?: string; architecture?: string; description?: string };
  isFallbackAdapter?: boolean;
}

export const NO_WEBGPU_REASON =
  'WebGPU is not available in this browser (no GPU adapter was found). On Linux, Chrome enables WebGPU only on some GPUs; chrome://gpu shows why.';

const describe = (adapter: AdapterLike): string => {
  const info = adapter.info ?? {};
  const text = [info.vendor, info.architecture, info.description].filter(Boolean).join(' ');
  return text || 'unknown GPU';
};

const isSoftware = (adapter: AdapterLike): boolean =>
  adapter.isFallbackAdapter === true ||
  /swiftshader|llvmpipe|software|basic render/i.test(describe(adapter));

export const evaluateAdapter = (adapter: AdapterLike | null, apiPresent: boolean): GpuPreflight => {
  if (!adapter) {
    return {
      usable: false,
      adapter: 'none',
      shaderF16: false,
      maxStorageBufferBindingSize: 0,
      description: 'none',
      reason: apiPresent
        ? NO_WEBGPU_REASON
        : 'This browser has no WebGPU API, so Doppel cannot use the GPU.',
    };
  }
  const shaderF16 = adapter.features.has('shader-f16');
  const description = describe(adapter);
  const software = isSoftware(adapter);
  return {
    usable: !software,
    adapter: software ? 'software' : 'hardware',
    shaderF16,
    maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize,
    description,
    reason: software
      ? `The only WebGPU adapter is a software renderer (${description}), which is far too slow for a language model.`
      : shaderF16
        ? `WebGPU adapter found (${description}) with 16-bit shader support.`
        : `WebGPU adapter found (${description}) without 16-bit shader support (shader-f16), so Doppel uses 32-bit (q4f32) model variants.`,
  };
};
