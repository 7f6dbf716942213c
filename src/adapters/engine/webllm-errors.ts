import { DoppelError } from '../../core/result';

export type WebLlmFailure = 'no-webgpu' | 'no-f16' | 'device-lost' | 'out-of-memory' | 'quota' | 'corrupt-cache' | 'other';

/** What Doppel does by itself before telling the user: the automatic fallback for each failure. */
export const FALLBACK: Record<WebLlmFailure, 'cpu' | 'f32' | 'smaller-context' | 'redownload' | null> = {
  'no-webgpu': 'cpu',
  'no-f16': 'f32',
  'device-lost': 'smaller-context',
  'out-of-memory': 'smaller-context',
  quota: null,
  'corrupt-cache': 'redownload',
  other: 'cpu',
};

const SENTENCES: Record<WebLlmFailure, string> = {
  'no-webgpu': 'WebGPU is not available in this browser. Doppel will use the CPU engine instead.',
  'no-f16': 'Your GPU cannot run 16-bit models. Doppel switches to the 32-bit (q4f32) version of this model.',
  'device-lost': 'The GPU was reset while loading or running the model. Doppel retries with a smaller context; if it happens again, choose a smaller model or close other GPU-heavy tabs.',
  'out-of-memory': 'The GPU ran out of memory for this model. Doppel retries with a smaller context; if it fails again, choose a smaller model from Options → Model.',
  quota: 'There is not enough disk space for this model. Free some space or delete another model in Options → Model, then try again.',
  'corrupt-cache': 'The downloaded model files are damaged. Doppel deletes them; download the model again from Options → Model.',
  other: 'The GPU engine failed. Doppel uses the CPU engine instead; try the GPU again after restarting the browser.',
};

const CODES: Record<WebLlmFailure, DoppelError['code']> = {
  'no-webgpu': 'engine_unavailable',
  'no-f16': 'engine_load_failed',
  'device-lost': 'engine_load_failed',
  'out-of-memory': 'engine_load_failed',
  quota: 'quota',
  'corrupt-cache': 'engine_load_failed',
  other: 'engine_load_failed',
};

/** WebLLM's errors by class name first (its classes are stable), then by message text. */
export const classifyWebLlmError = (error: unknown): WebLlmFailure => {
  const name = error instanceof Error ? error.constructor.name || error.name : '';
  const text = `${name} ${error instanceof Error ? `${error.name} ${error.message}` : String(error)}`;
  if (/WebGPUNotAvailableError|WebGPUNotFoundError|Cannot find adapter|navigator\.gpu/i.test(text)) return 'no-webgpu';
  if (/ShaderF16SupportError|shader-f16|extension 'f16'/i.test(text)) return 'no-f16';
  if (/QuotaExceeded|quota/i.test(text)) return 'quota';
  if (/DeviceLostError|device (was )?lost/i.test(text)) return 'device-lost';
  if (/out of memory|OutOfMemory|allocation failed|Failed to allocate/i.test(text)) return 'out-of-memory';
  if (/integrity|ArtifactManifestError|Unexpected end of JSON|ndarray-cache|tensor.*(mismatch|size)|corrupt/i.test(text)) return 'corrupt-cache';
  return 'other';
};

export const webLlmErrorSentence = (failure: WebLlmFailure, error: unknown): string =>
  failure === 'other' ? `${SENTENCES.other} (${error instanceof Error ? error.message : String(error)})` : SENTENCES[failure];

export const mapWebLlmError = (error: unknown): DoppelError => {
  const failure = classifyWebLlmError(error);
  return new DoppelError(CODES[failure], webLlmErrorSentence(failure, error));
};
