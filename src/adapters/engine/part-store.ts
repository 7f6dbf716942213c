/** Where the parts of an unfinished download wait, so it can resume after a restart. */
export interface PartStore {
  putMeta(url: string, meta: DownloadMeta): Promise<void>;
  metas(): Promise<DownloadMeta[]>;
  has(url: string, index: number): Promise<boolean>;
  put(url: string, index: number, data: Blob): Promise<void>;
  get(url: string, index: number): Promise<Blob | undefined>;
  /** Bytes stored for `url` so far. */
  size(url: string): Promise<number>;
  clear(url: string): Promise<void>;
}

export interface DownloadMeta {
  url: string;
  name: string;
  totalBytes: number;
  partSize: number;
  /** The server's ETag (or Last-Modified) when the download began: every part must come from that same file. */
  validator?: string;
  /** The file's sha256 when the server states it (Hugging Face's ETag for LFS files): checked before install. */
  sha256?: string;
}

// Cache API keys must be http(s) URLs; these never leave the device (nothing fetches them).
const KEY_ROOT = 'https://doppel.invalid/download/';
const partKey = (url: string, index: number) => `${KEY_ROOT}${encodeURIComponent(url)}/part/${index}`;
const metaKey = (url: string) => `${KEY_ROOT}${encodeURIComponent(url)}/meta`;

/**
 * Parts live in the Cache API (as WebLLM's own shards do): large blobs on disk, readable by every
 * Doppel page, and kept across browser restarts. With `unlimitedStorage` they are never evicted.
 */
export const createCachePartStore = (cacheName = 'doppel-model-parts'): PartStore => {
  const open = () => caches.open(cacheName);
  const keysOf = async (url: string) => (await (await open()).keys()).filter((r) => r.url.startsWith(`${KEY_ROOT}${encodeURIComponent(url)}/part/`));
  return {
    async putMeta(url, meta) {
      await (await open()).put(metaKey(url), new Response(JSON.stringify(meta), { headers: { 'content-type': 'application/json' } }));
    },
    async metas() {
      const cache = await open();
      const keys = (await cache.keys()).filter((r) => r.url.endsWith('/meta'));
      return Promise.all(keys.map(async (key) => (await (await cache.match(key))!.json()) as DownloadMeta));
    },
    async has(url, index) {
      return (await (await open()).match(partKey(url, index))) !== undefined;
    },
    async put(url, index, data) {
      await (await open()).put(partKey(url, index), new Response(data, { headers: { 'content-length': String(data.size) } }));
    },
    async get(url, index) {
      return (await (await open()).match(partKey(url, index)))?.blob();
    },
    async size(url) {
      const cache = await open();
      let total = 0;
      for (const key of await keysOf(url)) total += Number((await cache.match(key))?.headers.get('content-length') ?? 0);
      return total;
    },
    async clear(url) {
      const cache = await open();
      await Promise.all([...(await keysOf(url)), metaKey(url)].map((key) => cache.delete(key)));
    },
  };
};
