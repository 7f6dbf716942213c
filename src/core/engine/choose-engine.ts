import type { EngineKind } from './port';
import type { GpuPreflight } from './status';

export interface EngineChoice {
  kind: EngineKind;
  reason: string;
}

/** WebGPU when a real adapter exists; the CPU engine otherwise, saying why. */
export const chooseEngine = (preflight: GpuPreflight): EngineChoice =>
  preflight.usable
    ? { kind: 'webllm', reason: `Using your GPU (${preflight.description}) through WebGPU.` }
    : { kind: 'wllama', reason: `${preflight.reason} Doppel uses the CPU engine instead.` };
