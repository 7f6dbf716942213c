import { useRef, useState } from 'preact/hooks';
import { rpc } from '../../../messaging/client';
import { t } from '../../../ui/i18n';
import { buildExportFile, type Progress } from './export-file';
import { importFile } from './import-file';

/** "Export data" writes one JSON file (docs/export-format.md); "Import data" reads it back; "Delete all data" asks first. */
export const ExportImport = ({ onChange }: { onChange: () => void }) => {
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [progress, setProgress] = useState<(Progress & { text: string }) | null>(null);
  const running = useRef<AbortController | null>(null);
  const guard = async (work: (signal: AbortSignal) => Promise<string>) => {
    setError(null);
    setStatus(null);
    const controller = new AbortController();
    running.current = controller;
    try {
      setStatus(await work(controller.signal));
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      running.current = null;
      setProgress(null);
      onChange();
    }
  };
  const exportData = () =>
    guard(async (signal) => {
      const usage = await rpc('data.usage', {});
      const total = usage.pages + usage.writings + usage.reactions;
      const now = Date.now();
      const { blob, counts } = await buildExportFile(total, (p) => setProgress({ ...p, text: t('exportProgress', p.done, p.total) }), signal, now);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = `doppel-export-${new Date(now).toISOString().slice(0, 10)}.json`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
      return t('exportDone', counts.pages ?? 0, counts.writings ?? 0, counts.reactions ?? 0);
    });
  const importData = (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    void guard(async (signal) => {
      try {
        const result = await importFile(file, (p) => setProgress({ ...p, text: t('importProgress', Math.floor((p.done / Math.max(1, p.total)) * 100)) }), signal);
        return t('importDone', result.pages, result.writings, result.reactions);
      } finally {
        input.value = '';
      }
    });
  };
  const deleteAll = () =>
    guard(async () => {
      await rpc('data.deleteAll', {});
      setConfirming(false);
      return t('deleteAllDone');
    });
  return (
    <div class="card">
      <button type="button" onClick={exportData} disabled={progress !== null} data-testid="export-data">
        {t('exportButton')}
      </button>{' '}
      <label class="button secondary" style={{ display: 'inline-block', background: 'transparent', color: 'var(--accent)' }}>
        {t('importButton')}
        <input type="file" accept=".json,application/json" onChange={importData} disabled={progress !== null} data-testid="import-data" style={{ marginLeft: '0.5rem' }} />
      </label>{' '}
      {confirming ? (
        <span role="alertdialog" aria-label={t('deleteAllConfirmLabel')}>
          {t('deleteAllConfirmText')}{' '}
          <button type="button" onClick={deleteAll} data-testid="confirm-delete-all">
            {t('deleteAllConfirm')}
          </button>{' '}
          <button type="button" class="secondary" onClick={() => setConfirming(false)}>
            {t('deleteAllCancel')}
          </button>
        </span>
      ) : (
        <button type="button" class="secondary" onClick={() => setConfirming(true)} data-testid="delete-all">
          {t('deleteAllButton')}
        </button>
      )}
      {progress ? (
        <p data-testid="data-progress">
          <progress max={progress.total} value={progress.done} aria-label={t('dataProgressLabel')} /> <span role="status">{progress.text}</span>{' '}
          <button type="button" class="secondary" onClick={() => running.current?.abort()} data-testid="data-cancel">
            {t('dataCancel')}
          </button>
        </p>
      ) : null}
      {status ? <p role="status" data-testid="data-status">{status}</p> : null}
      {error ? <p class="error" role="alert" style={{ whiteSpace: 'pre-line' }}>{error}</p> : null}
    </div>
  );
};
