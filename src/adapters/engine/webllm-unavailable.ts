import type { AppConfig } from '@mlc-ai/web-llm';

/**
 * Stands in for @mlc-ai/web-llm in the Firefox build. Firefox's WebGPU covers few systems (not
 * Linux, not service workers) and its workgroup-storage limit breaks WebLLM's kernels (web-llm #644);
 * WebLLM's 6 MB bundle is also more than addons.mozilla.org's linter will parse. Firefox runs the CPU
 * engine; a GPU model request gets the usual sentence and the CPU fallback.
 */
class WebGPUNotAvailableError extends Error {
  override name = 'WebGPUNotAvailableError';
}

export const prebuiltAppConfig: AppConfig = { model_list: [] };

export const CreateMLCEngine = async (): Promise<never> => {
  throw new WebGPUNotAvailableError('The GPU engine is not part of the Firefox build.');
};
