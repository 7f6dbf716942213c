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

const INTEGRATED = /intel|apple|arm|qualcomm|mali|adreno|powervr|integrated/i;

/**
 * WebGPU does not report GPU memory, so Doppel estimates it: an integrated GPU shares system memory
 * (about half of navigator.deviceMemory is usable); a device limited to 128 MB storage buffers is
 * low-end; otherwise a discrete GPU with 4 GB is assumed.
 */
export const estimateVramMB = (adapter: AdapterLike, deviceMemoryGB?: number): number => {
  if (adapter.limits.maxStorageBufferBindingSize <= 128 * 2 ** 20) return 1024;
  if (INTEGRATED.test(describe(adapter))) return deviceMemoryGB ? Math.round((deviceMemoryGB * 1024) / 2) : 2048;
  return 4096;
};

export const evaluateAdapter = (adapter: AdapterLike | null, apiPresent: boolean, deviceMemoryGB?: number): GpuPreflight => {
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
    ...(software ? {} : { vramEstimateMB: estimateVramMB(adapter, deviceMemoryGB) }),
    reason: software
      ? `The only WebGPU adapter is a software renderer (${description}), which is far too slow for a language model.`
      : shaderF16
        ? `WebGPU adapter found (${description}) with 16-bit shader support.`
        : `WebGPU adapter found (${description}) without 16-bit shader support (shader-f16), so Doppel uses 32-bit (q4f32) model variants.`,
  };
};
