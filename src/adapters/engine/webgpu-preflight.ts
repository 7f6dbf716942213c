import { evaluateAdapter, type AdapterLike } from '../../core/engine/preflight';
import type { GpuPreflight } from '../../core/engine/status';

export interface GpuLike {
  requestAdapter(options?: { powerPreference?: 'high-performance' | 'low-power' }): Promise<AdapterLike | null>;
}

/**
 * WebGPU is detected by its adapter, never by `navigator.gpu`: Chromium without a usable GPU has the
 * API but returns no adapter.
 */
export const runPreflight = async (gpu: GpuLike | undefined = (globalThis.navigator as { gpu?: GpuLike } | undefined)?.gpu): Promise<GpuPreflight> => {
  if (!gpu) return evaluateAdapter(null, false);
  let adapter: AdapterLike | null = null;
  try {
    adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  } catch {
    adapter = null;
  }
  return evaluateAdapter(adapter, true, (globalThis.navigator as { deviceMemory?: number } | undefined)?.deviceMemory);
};
