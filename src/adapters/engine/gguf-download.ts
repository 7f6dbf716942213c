import { megabytes, planParts, partSizeFor, quotaShortfall, timeLeft, totalFromHeaders } from '../../core/engine/download-plan';
import { DoppelError } from '../../core/result';
import type { DownloadState } from '../../core/engine/download-state';
import type { PartStore } from './part-store';

export type { DownloadState };

export interface DownloaderDeps {
  fetch: typeof fetch;
  parts: PartStore;
  estimate: () => Promise<{ quota?: number; usage?: number }>;
  /** Stores the finished file as an installed model. */
  install: (file: Blob, name: string) => Promise<{ id: string }>;
  now?: () => number;
}

interface FileIdentity {
  validator?: string;
  sha256?: string;
}

/** A strong ETag names one version of the file; Hugging Face's ETag (or X-Linked-ETag) for LFS files is its sha256. */
const identityOf = (headers: Headers): FileIdentity => {
  const etag = headers.get('etag');
  const validator = (etag && !etag.startsWith('W/') ? etag : null) ?? headers.get('last-modified') ?? undefined;
  const hex = [headers.get('x-linked-etag'), etag].map((v) => v?.replace(/^W\//, '').replace(/"/g, '').toLowerCase()).find((v) => v && /^[0-9a-f]{64}$/.test(v));
  return { ...(validator ? { validator } : {}), ...(hex ? { sha256: hex } : {}) };
};

class FileChanged extends Error {
  constructor() {
    super('The file changed on the server since this download began, so the parts already stored belong to another version. Doppel deleted them: start the download again.');
  }
}

class FileDamaged extends Error {
  constructor() {
    super('The downloaded file does not match the checksum its server gives, so it is damaged or not the file it claims to be. Doppel deleted it: start the download again.');
  }
}

// wllama holds the whole model in memory to run it anyway; hashing it once before install costs no more.
const sha256Of = async (blob: Blob): Promise<string> =>
  [...new Uint8Array(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()))].map((b) => b.toString(16).padStart(2, '0')).join('');

const isQuota = (error: unknown) => error instanceof Error && /QuotaExceeded|quota/i.test(`${error.name} ${error.message}`);

/**
 * Downloads GGUF files for the CPU engine in HTTP Range parts, each stored as it arrives: an
 * interrupted download (network drop, closed browser) resumes with the parts it lacks.
 */
export const createGgufDownloader = (deps: DownloaderDeps) => {
  const now = deps.now ?? (() => Date.now());
  const states = new Map<string, DownloadState>();
  const running = new Map<string, { controller: AbortController; settled: Promise<void> }>();

  /** The total size, known before anything is stored: a one-byte Range request. */
  const probe = async (url: string): Promise<number> => (await inspect(url)).total;

  /** Size, validator and stated checksum of the file at `url`. */
  const inspect = async (url: string): Promise<{ total: number } & FileIdentity> => {
    let response: Response;
    try {
      response = await deps.fetch(url, { headers: { Range: 'bytes=0-0' } });
    } catch (error) {
      throw new DoppelError('not_found', `Doppel could not reach ${new URL(url).host} (${(error as Error).message}). Check the address and your connection.`);
    }
    await response.body?.cancel();
    if (!response.ok) throw new DoppelError('not_found', `The model file could not be fetched (HTTP ${response.status}). Check the address.`);
    const total = totalFromHeaders(response.headers.get('content-range'), response.headers.get('content-length'));
    if (!total || response.status !== 206) throw new DoppelError('bad_request', 'This server cannot send the file in parts, so Doppel cannot download it resumably. Download it yourself and add it from a file.');
    return { total, ...identityOf(response.headers) };
  };

  const describe = (state: DownloadState, speed: number): string =>
    `${megabytes(state.loadedBytes)} of ${megabytes(state.totalBytes)}${speed ? ` — ${timeLeft(state.totalBytes - state.loadedBytes, speed)}` : ''}`;

  const run = async (state: DownloadState, partSize: number, identity: FileIdentity, signal: AbortSignal) => {
    const started = now();
    const loadedAtStart = state.loadedBytes;
    for (const part of planParts(state.totalBytes, partSize)) {
      if (signal.aborted) return;
      if (await deps.parts.has(state.url, part.index)) continue;
      // If-Range: a server whose file changed sends all of the new one (200) instead of a part of it.
      const headers: Record<string, string> = { Range: `bytes=${part.start}-${part.end}`, ...(identity.validator ? { 'If-Range': identity.validator } : {}) };
      const response = await deps.fetch(state.url, { headers, signal });
      const now_ = identityOf(response.headers).validator;
      if ((response.status === 200 && identity.validator) || (identity.validator && now_ && now_ !== identity.validator)) {
        await response.body?.cancel();
        throw new FileChanged();
      }
      if (response.status !== 206) throw new DoppelError('generation_failed', `The server answered HTTP ${response.status} instead of a part of the file.`);
      const data = await response.blob();
      if (data.size !== part.end - part.start + 1) throw new Error(`got ${data.size} bytes of a ${part.end - part.start + 1}-byte part`);
      if (signal.aborted) return;
      await deps.parts.put(state.url, part.index, data);
      state.loadedBytes += data.size;
      const elapsed = (now() - started) / 1000;
      state.text = describe(state, elapsed > 0 ? (state.loadedBytes - loadedAtStart) / elapsed : 0);
    }
    if (signal.aborted) return;
    const pieces: Blob[] = [];
    for (const part of planParts(state.totalBytes, partSize)) pieces.push((await deps.parts.get(state.url, part.index))!);
    const whole = new Blob(pieces);
    if (identity.sha256 && (await sha256Of(whole)) !== identity.sha256) throw new FileDamaged();
    const model = await deps.install(whole, state.name);
    await deps.parts.clear(state.url);
    Object.assign(state, { phase: 'done', modelId: model.id, text: `Installed ${state.name} (${megabytes(state.totalBytes)}).` });
  };

  const start = async (url: string, name: string): Promise<DownloadState> => {
    const current = states.get(url);
    if (current?.phase === 'downloading') return current;
    const known = (await deps.parts.metas()).find((m) => m.url === url);
    const fresh = known ? null : await inspect(url);
    const totalBytes = known?.totalBytes ?? fresh!.total;
    const partSize = known?.partSize ?? partSizeFor(totalBytes);
    const source = known ?? fresh!;
    const identity: FileIdentity = { ...(source.validator ? { validator: source.validator } : {}), ...(source.sha256 ? { sha256: source.sha256 } : {}) };
    const loadedBytes = await deps.parts.size(url);
    const shortfall = quotaShortfall(totalBytes - loadedBytes, await deps.estimate());
    if (shortfall) throw new DoppelError('quota', shortfall);
    await deps.parts.putMeta(url, { url, name, totalBytes, partSize, ...identity });
    const state: DownloadState = { url, name, totalBytes, loadedBytes, phase: 'downloading', text: '' };
    state.text = describe(state, 0);
    states.set(url, state);
    const controller = new AbortController();
    const settled = run(state, partSize, identity, controller.signal)
      .catch(async (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof FileChanged || error instanceof FileDamaged) {
          // Parts of two different files, or a file that is not what the server said: nothing is kept.
          await deps.parts.clear(url);
          Object.assign(state, { phase: 'failed', loadedBytes: 0, text: error.message });
          return;
        }
        if (isQuota(error)) {
          Object.assign(state, { phase: 'failed', text: `Doppel ran out of storage after ${megabytes(state.loadedBytes)} of ${megabytes(state.totalBytes)}. Free disk space or delete another model, then resume the download.` });
          return;
        }
        const stored = await deps.parts.size(url);
        Object.assign(state, {
          phase: 'interrupted',
          loadedBytes: stored,
          text: `The download stopped at ${megabytes(stored)} of ${megabytes(state.totalBytes)} (${error instanceof Error ? error.message : String(error)}). Resume it to continue from there.`,
        });
      })
      .finally(() => running.delete(url));
    running.set(url, { controller, settled });
    return state;
  };

  const cancel = async (url: string): Promise<void> => {
    const current = running.get(url);
    current?.controller.abort();
    // Let an in-flight part land (or fail) first, so nothing is stored after the clear.
    await current?.settled;
    await deps.parts.clear(url);
    const state = states.get(url);
    if (state) Object.assign(state, { phase: 'cancelled', loadedBytes: 0, text: 'Cancelled; the partial download was deleted.' });
  };

  /** Downloads in this session, plus any a previous session left unfinished. */
  const list = async (): Promise<DownloadState[]> => {
    for (const meta of await deps.parts.metas()) {
      if (states.has(meta.url)) continue;
      const loadedBytes = await deps.parts.size(meta.url);
      states.set(meta.url, {
        url: meta.url,
        name: meta.name,
        totalBytes: meta.totalBytes,
        loadedBytes,
        phase: 'interrupted',
        text: `${megabytes(loadedBytes)} of ${megabytes(meta.totalBytes)} downloaded before Doppel stopped. Resume it to continue from there.`,
      });
    }
    return [...states.values()].map((s) => ({ ...s }));
  };

  return { probe, start, cancel, list };
};

export type GgufDownloader = ReturnType<typeof createGgufDownloader>;
