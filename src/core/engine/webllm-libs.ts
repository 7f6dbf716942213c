import pins from './webllm-libs.json';

/**
 * A WebLLM model library (compiled WebGPU kernels: code) Doppel may run, pinned by an immutable URL
 * and its sha256 as SRI. WebLLM verifies the bytes against `integrity` before it instantiates
 * them; the store build (`npm run package`) ships the file inside the package instead of the URL.
 */
export interface PinnedLib {
  modelId: string;
  /** The file name inside the package (`webllm-libs/<file>`). */
  file: string;
  /** An immutable address (a commit, never a branch) the default build fetches the library from. */
  url: string;
  /** `sha256-<base64>` of the library's bytes. */
  integrity: string;
}

/**
 * The pins live in webllm-libs.json (read by `npm run package` too). Every pin must come from bytes
 * someone hashed: `node scripts/package.mjs --pin <model-id> <file.wasm> <immutable-url>` prints
 * one. None is listed yet: WebLLM 0.2.86's libraries (binary-mlc-llm-libs, web-llm-models/v0_2_86)
 * are not published through any package registry (the @mlc-ai/web-llm npm package ships none) and
 * could not be fetched where this was built, so no catalogued model's library is pinned and none is
 * loaded: the GPU path runs only custom models whose library comes from the package, the user's
 * own machine, or carries its hash.
 */
export const WEBLLM_LIBS: readonly PinnedLib[] = pins as PinnedLib[];

export const pinnedLib = (modelId: string, libs: readonly PinnedLib[] = WEBLLM_LIBS): PinnedLib | undefined => libs.find((lib) => lib.modelId === modelId);

/** An SRI value Doppel accepts: sha256 (what the pins use) or longer. */
export const isSri = (value: string): boolean => /^sha(256|384|512)-[A-Za-z0-9+/]+={0,2}$/.test(value);

/**
 * A custom model library is code too: it may come only from the extension itself or a server on the
 * user's own machine, unless the user pins it with a hash.
 */
export const customLibAllowed = (url: string, integrity?: string): boolean => {
  if (integrity && isSri(integrity)) return true;
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'chrome-extension:' || protocol === 'moz-extension:' || (protocol === 'http:' && (hostname === '127.0.0.1' || hostname === 'localhost'));
  } catch {
    return false;
  }
};
