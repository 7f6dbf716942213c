/** WebLLM's Cache API stores (cacheBackend "cache"): chat config, model library, weights and tokenizer. */
const WEBLLM_CACHES = ['webllm/config', 'webllm/model', 'webllm/wasm'];

export interface CachedGpuModel {
  /** The weights directory, up to and including `resolve/<revision>/`. */
  baseUrl: string;
  name: string;
  bytes: number;
  files: number;
}

const baseOf = (url: string): string | null => /^(.*\/resolve\/[^/]+\/)/.exec(url)?.[1] ?? null;

const sizeOf = async (response: Response): Promise<number> => {
  const declared = Number(response.headers.get('content-length'));
  return declared > 0 ? declared : (await response.blob()).size;
};

/**
 * The GPU models WebLLM has (partly) downloaded, read straight from its caches, so Options can show
 * each one's size and delete it without loading WebLLM.
 */
export const listWebLlmCache = async (storage: CacheStorage = caches): Promise<CachedGpuModel[]> => {
  const models = new Map<string, CachedGpuModel>();
  for (const name of WEBLLM_CACHES) {
    if (!(await storage.has(name))) continue;
    const cache = await storage.open(name);
    for (const request of await cache.keys()) {
      const base = baseOf(request.url);
      const response = base ? await cache.match(request) : undefined;
      if (!base || !response) continue;
      const entry = models.get(base) ?? { baseUrl: base, name: base.replace(/\/resolve\/[^/]+\/$/, '').split('/').pop() ?? base, bytes: 0, files: 0 };
      entry.bytes += await sizeOf(response);
      entry.files++;
      models.set(base, entry);
    }
  }
  return [...models.values()];
};

/** Deletes every cached file of one model (its weights directory); shared model libraries stay. */
export const deleteWebLlmModel = async (baseUrl: string, storage: CacheStorage = caches): Promise<void> => {
  for (const name of WEBLLM_CACHES) {
    if (!(await storage.has(name))) continue;
    const cache = await storage.open(name);
    await Promise.all((await cache.keys()).filter((r) => r.url.startsWith(baseUrl)).map((r) => cache.delete(r)));
  }
};
