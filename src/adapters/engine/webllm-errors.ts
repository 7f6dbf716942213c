import { DoppelError } from '../../core/result';

/** WebLLM's errors, by class name, as sentences that say what to do. */
export const mapWebLlmError = (error: unknown): DoppelError => {
  const name = error instanceof Error ? error.constructor.name || error.name : '';
  const text = error instanceof Error ? error.message : String(error);
  if (name === 'WebGPUNotAvailableError' || name === 'WebGPUNotFoundError') {
    return new DoppelError('engine_unavailable', 'WebGPU is not available in this browser. Doppel will use the CPU engine instead.');
  }
  if (name === 'ShaderF16SupportError' || /shader-f16|extension 'f16'/i.test(text)) {
    return new DoppelError('engine_load_failed', 'Your GPU cannot run 16-bit models. Choose the 32-bit (q4f32) version of this model.');
  }
  if (name === 'DeviceLostError' || /device (was )?lost/i.test(text)) {
    return new DoppelError('engine_load_failed', 'The GPU ran out of memory or was reset. Choose a smaller model, or close other GPU-heavy tabs and try again.');
  }
  if (/QuotaExceeded|quota/i.test(name + text)) {
    return new DoppelError('quota', 'There is not enough disk space for this model. Free some space or delete another model, then try again.');
  }
  return new DoppelError('engine_load_failed', `The GPU engine failed (${text}). Try again, or use the CPU engine.`);
};
