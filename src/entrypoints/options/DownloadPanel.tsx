import { useEffect, useState } from 'preact/hooks';
import type { DownloadState } from '../../core/engine/download-state';
import { formatBytes } from '../../ui/format';
import { rpc } from '../../messaging/client';
import { t } from '../../ui/i18n';

const POLL_MS = 400;

/** Asks the size first, then downloads in the engine host; polls progress while anything runs. */
export const useDownloads = (onInstalled: (modelId: string) => void) => {
  const [downloads, setDownloads] = useState<DownloadState[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    const seenDone = new Set<string>();
    const poll = async () => {
      const list = await rpc('engine.download.list', {}).catch(() => null);
      if (!live || !list) return;
      setDownloads(list);
      for (const d of list) {
        if (d.phase === 'done' && d.modelId && !seenDone.has(d.modelId)) {
          seenDone.add(d.modelId);
          onInstalled(d.modelId);
        }
      }
    };
    void poll();
    const timer = setInterval(poll, POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [tick]);
  const act = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
    } catch (failure) {
      setError((failure as Error).message);
    }
    setTick((t) => t + 1);
  };
  return {
    downloads,
    error,
    start: (url: string, name: string) => act(() => rpc('engine.download.start', { url, name })),
    cancel: (url: string) => act(() => rpc('engine.download.cancel', { url })),
    probe: async (url: string) => {
      setError(null);
      try {
        return (await rpc('engine.download.probe', { url })).totalBytes;
      } catch (failure) {
        setError((failure as Error).message);
        return null;
      }
    },
  };
};

const nameFromUrl = (url: string) => decodeURIComponent(new URL(url).pathname.split('/').pop() ?? 'model').replace(/\.gguf$/i, '');

export const DownloadPanel = ({ state }: { state: ReturnType<typeof useDownloads> }) => {
  const [url, setUrl] = useState('');
  const [size, setSize] = useState<{ url: string; bytes: number } | null>(null);
  const check = async () => {
    const bytes = await state.probe(url);
    setSize(bytes === null ? null : { url, bytes });
  };
  return (
    <div data-testid="downloads">
      <h3>{t('downloadHeading')}</h3>
      <p class="muted">{t('downloadIntro')}</p>
      <input type="url" placeholder="https://huggingface.co/…/model.gguf" value={url} onInput={(e) => setUrl((e.currentTarget as HTMLInputElement).value)} data-testid="gguf-url" style={{ width: '70%' }} />{' '}
      <button type="button" class="secondary" onClick={check} disabled={!url}>
        {t('downloadCheckSize')}
      </button>
      {size && size.url === url ? (
        <p data-testid="download-size">
          {t('downloadFileSize', formatBytes(size.bytes))}{' '}
          <button type="button" onClick={() => void state.start(url, nameFromUrl(url))}>
            {t('downloadButton', formatBytes(size.bytes))}
          </button>
        </p>
      ) : null}
      {state.error ? <p class="error" role="alert" data-testid="download-error">{state.error}</p> : null}
      <ul data-testid="download-list">
        {state.downloads.map((d) => (
          <li key={d.url} data-phase={d.phase} data-url={d.url}>
            <strong>{d.name}</strong>{' '}
            <progress max={d.totalBytes} value={d.loadedBytes} /> <span data-testid="download-text">{d.text}</span>{' '}
            {d.phase === 'downloading' || d.phase === 'interrupted' || d.phase === 'failed' ? (
              <button type="button" class="secondary" onClick={() => void state.cancel(d.url)}>
                {t('downloadCancel')}
              </button>
            ) : null}
            {d.phase === 'interrupted' || d.phase === 'failed' ? (
              <button type="button" onClick={() => void state.start(d.url, d.name)}>
                {t('downloadResume')}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
};
