import type { EngineKind, LoadProgress } from './port';

/** What the preflight learned about WebGPU on this device. */
export interface GpuPreflight {
  usable: boolean;
  adapter: 'none' | 'software' | 'hardware';
  shaderF16: boolean;
  maxStorageBufferBindingSize: number;
  description: string;
  /** An estimate of the GPU memory Doppel may use, in MB (WebGPU does not report it); absent when unknown. */
  vramEstimateMB?: number;
  /** A sentence for the user: why WebGPU is or is not used. */
  reason: string;
}

export type EngineState = 'idle' | 'loading' | 'generating' | 'error';

export interface EngineStatus {
  /** Which engine Doppel recommends on this device, and why (from the preflight). */
  recommended: EngineKind;
  preflight: GpuPreflight;
  /** The engine currently loaded, if any. */
  engine: EngineKind | null;
  model: { id: string; name: string } | null;
  /** Threads the CPU engine runs on, when it is the one loaded. */
  threads?: number;
  state: EngineState;
  queued: number;
  error?: string;
  /** While a model downloads or loads. */
  progress?: LoadProgress;
}
