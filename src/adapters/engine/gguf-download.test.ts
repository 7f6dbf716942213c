import { describe, expect, test } from 'vitest';
import { DoppelError } from '../../core/result';
import { createGgufDownloader, type DownloadState } from './gguf-download';
import type { DownloadMeta, PartStore } from './part-store';

const memoryParts = (): PartStore & { blobs: Map<string, Blob> } => {
  const blobs = new Map<string, Blob>();
  const metas = new Map<string, DownloadMeta>();
  const prefix = (url: string) => `${url}#`;
  return {
    blobs,
    putMeta: async (url, meta) => void metas.set(url, meta),
    metas: async () => [...metas.values()],
    has: async (url, i) => blobs.has(`${url}#${i}`),
    put: async (url, i, data) => void blobs.set(`${url}#${i}`, data),
    get: async (url, i) => blobs.get(`${url}#${i}`),
    size: async (url) => [...blobs].filter(([k]) => k.startsWith(prefix(url))).reduce((n, [, b]) => n + b.size, 0),
    clear: async (url) => {
      for (const key of [...blobs.keys()]) if (key.startsWith(prefix(url))) blobs.delete(key);
      metas.delete(url);
    },
  };
};

/** A server for one file that answers Range requests, and can drop the connection at a given part. */
const rangeServer = (file: Uint8Array, failAtRequest = -1) => {
  const ranges: string[] = [];
  const fetch = (async (_url: string, init?: RequestInit) => {
    const range = new Headers(init?.headers).get('range')!;
    ranges.push(range);
    if (ranges.length - 1 === failAtRequest) throw new TypeError('Failed to fetch');
    const [, a, b] = /bytes=(\d+)-(\d+)/.exec(range)!;
    const body = file.slice(Number(a), Number(b) + 1);
    return new Response(body, { status: 206, headers: { 'content-range': `bytes ${a}-${b}/${file.length}` } });
  }) as typeof globalThis.fetch;
  return { fetch, ranges };
};

const file = new Uint8Array(300_000).map((_, i) => i % 251);
const URL_ = 'https://huggingface.co/x/model.gguf';

const settle = async (list: () => Promise<DownloadState[]>) => {
  for (let i = 0; i < 200; i++) {
    const [state] = await list();
    if (state && state.phase !== 'downloading') return state;
    await new Promise((r) => setTimeout(r, 1));
  }
  throw new Error('download never settled');
};

const setup = (server: ReturnType<typeof rangeServer>, parts = memoryParts(), quota = 10 ** 12) => {
  const installed: { blob: Blob; name: string }[] = [];
  const downloader = createGgufDownloader({
    fetch: server.fetch,
    parts,
    estimate: async () => ({ quota, usage: 0 }),
    install: async (blob, name) => {
      installed.push({ blob, name });
      return { id: 'model-1' };
    },
  });
  return { downloader, installed, parts };
};

describe('GGUF download', () => {
  test('downloads in Range parts and installs the exact file', async () => {
    const server = rangeServer(file);
    const { downloader, installed } = setup(server);
    expect(await downloader.probe(URL_)).toBe(file.length);
    await downloader.start(URL_, 'tiny');
    const done = await settle(downloader.list);
    expect(done).toMatchObject({ phase: 'done', modelId: 'model-1', loadedBytes: file.length });
    expect(Buffer.from(await installed[0]!.blob.arrayBuffer()).equals(file)).toBe(true);
    expect(server.ranges.length).toBeGreaterThan(4);
  });

  test('after a dropped connection it resumes with only the parts it lacks, even in a new session', async () => {
    const failing = rangeServer(file, 3);
    const first = setup(failing);
    await first.downloader.start(URL_, 'tiny');
    const stopped = await settle(first.downloader.list);
    expect(stopped.phase).toBe('interrupted');
    expect(stopped.text).toMatch(/Resume/);
    const storedParts = first.parts.blobs.size;
    expect(storedParts).toBe(2);

    // A new downloader over the same stored parts: as after a browser restart.
    const server = rangeServer(file);
    const second = setup(server, first.parts);
    expect((await second.downloader.list())[0]).toMatchObject({ phase: 'interrupted', loadedBytes: stopped.loadedBytes });
    await second.downloader.start(URL_, 'tiny');
    expect(await settle(second.downloader.list)).toMatchObject({ phase: 'done' });
    const firstRequested = Number(/bytes=(\d+)/.exec(server.ranges[0]!)![1]);
    expect(firstRequested).toBe(stopped.loadedBytes);
    expect(Buffer.from(await second.installed[0]!.blob.arrayBuffer()).equals(file)).toBe(true);
  });

  test('refuses to start when the file does not fit the storage quota, in numbers', async () => {
    const { downloader } = setup(rangeServer(file), memoryParts(), 100_000);
    const error = await downloader.start(URL_, 'tiny').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DoppelError);
    expect((error as DoppelError).code).toBe('quota');
    expect((error as DoppelError).message).toMatch(/needs 0\.3 MB of storage, but only 0\.1 MB/);
  });

  test('cancel stops and deletes the parts', async () => {
    const server = rangeServer(file);
    const { downloader, parts, installed } = setup(server);
    await downloader.start(URL_, 'tiny');
    await downloader.cancel(URL_);
    expect((await downloader.list())[0]?.phase).toBe('cancelled');
    await new Promise((r) => setTimeout(r, 20));
    expect(await parts.size(URL_)).toBe(0);
    expect(installed).toHaveLength(0);
  });
});

/** A server with ETags and If-Range, whose file can be swapped for another version mid-download. */
const versionedServer = (versions: { body: Uint8Array<ArrayBuffer>; etag: string }[], failAtRequest = -1) => {
  let current = 0;
  const ranges: string[] = [];
  const fetch = (async (_url: string, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    const range = headers.get('range')!;
    ranges.push(range);
    if (ranges.length - 1 === failAtRequest) throw new TypeError('Failed to fetch');
    const { body, etag } = versions[current]!;
    const ifRange = headers.get('if-range');
    if (ifRange && ifRange !== etag) return new Response(body, { status: 200, headers: { etag } });
    const [, a, b] = /bytes=(\d+)-(\d+)/.exec(range)!;
    return new Response(body.slice(Number(a), Number(b) + 1), { status: 206, headers: { etag, 'content-range': `bytes ${a}-${b}/${body.length}` } });
  }) as typeof globalThis.fetch;
  return { fetch, ranges, swap: () => void current++ };
};

const sha256Hex = async (bytes: Uint8Array<ArrayBuffer>) => Buffer.from(await crypto.subtle.digest('SHA-256', bytes)).toString('hex');

describe('GGUF download integrity', () => {
  test('a resumed download whose file changed on the server is not stitched from two versions', async () => {
    const v2 = file.map((b) => (b + 1) % 251);
    const server = versionedServer([{ body: file, etag: '"v1"' }, { body: v2, etag: '"v2"' }], 3);
    const first = setup(server);
    await first.downloader.start(URL_, 'tiny');
    expect((await settle(first.downloader.list)).phase).toBe('interrupted');
    server.swap();
    const second = setup(server, first.parts);
    await second.downloader.start(URL_, 'tiny');
    const ended = await settle(second.downloader.list);
    expect(second.installed).toEqual([]);
    expect(ended).toMatchObject({ phase: 'failed', loadedBytes: 0 });
    expect(ended.text).toMatch(/changed on the server/);
    expect(await first.parts.size(URL_)).toBe(0);
  });

  test('a file that does not match the sha256 its server states is not installed', async () => {
    const damaged = file.slice();
    damaged[200_000] = (damaged[200_000]! + 7) % 251;
    // Hugging Face gives an LFS file's sha256 as its ETag; the bytes that arrive are damaged.
    const server = versionedServer([{ body: damaged, etag: `"${await sha256Hex(file)}"` }]);
    const { downloader, installed, parts } = setup(server);
    await downloader.start(URL_, 'tiny');
    const ended = await settle(downloader.list);
    expect(installed).toEqual([]);
    expect(ended.phase).toBe('failed');
    expect(ended.text).toMatch(/checksum/);
    expect(await parts.size(URL_)).toBe(0);
  });

  test('a file that matches its stated sha256 is installed', async () => {
    const server = versionedServer([{ body: file, etag: `"${await sha256Hex(file)}"` }]);
    const { downloader, installed } = setup(server);
    await downloader.start(URL_, 'tiny');
    expect((await settle(downloader.list)).phase).toBe('done');
    expect(Buffer.from(await installed[0]!.blob.arrayBuffer()).equals(file)).toBe(true);
  });
});
