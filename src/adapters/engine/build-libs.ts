import browser from 'webextension-polyfill';
import { WEBLLM_LIBS, type PinnedLib } from '../../core/engine/webllm-libs';
import type { LibPins } from './webllm-engine';

// Set by vite: the library files the store package carries, or null in the default build.
declare const __DOPPEL_EMBEDDED_LIBS__: string[] | null | undefined;

/**
 * The model libraries this build may run and where they come from: the default build fetches each
 * pinned library from its immutable URL; the store build runs only the ones inside the package.
 */
export const buildLibPins = (): LibPins & { libs: readonly PinnedLib[] } => {
  const embedded = typeof __DOPPEL_EMBEDDED_LIBS__ === 'undefined' ? null : __DOPPEL_EMBEDDED_LIBS__;
  if (!embedded) return { libs: WEBLLM_LIBS };
  return { libs: WEBLLM_LIBS.filter((lib) => embedded.includes(lib.file)), libUrl: (lib) => browser.runtime.getURL(`webllm-libs/${lib.file}`) };
};
