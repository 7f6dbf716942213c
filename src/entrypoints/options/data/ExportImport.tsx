import { useState } from 'preact/hooks';
import { rpc } from '../../../messaging/client';
import { t } from '../../../ui/i18n';

/** "Export data" writes one JSON file (docs/export-format.md); "Import data" reads it back; "Delete all data" asks first. */
export const ExportImport = ({ onChange }: { onChange: () => void }) => {
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const guard = async (work: () => Promise<string>) => {
    setError(null);
    try {
      setStatus(await work());
      onChange();
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  const exportData = () =>
    guard(async () => {
      const data = await rpc('data.export', {});
      const blob = new Blob([JSON.stringify(data)], { type: 'application/json' });
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = `doppel-export-${new Date(data.exportedAt).toISOString().slice(0, 10)}.json`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
      return t('exportDone', data.pages.length, data.writings.length, data.reactions.length);
    });
  const importData = (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    void guard(async () => {
      const result = await rpc('data.import', { json: await file.text() });
      input.value = '';
      return t('importDone', result.pages, result.writings, result.reactions);
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
      <button type="button" onClick={exportData} data-testid="export-data">
        {t('exportButton')}
      </button>{' '}
      <label class="button secondary" style={{ display: 'inline-block', background: 'transparent', color: 'var(--accent)' }}>
        {t('importButton')}
        <input type="file" accept=".json,application/json" onChange={importData} data-testid="import-data" style={{ marginLeft: '0.5rem' }} />
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
      {status ? <p role="status" data-testid="data-status">{status}</p> : null}
      {error ? <p class="error" role="alert" style={{ whiteSpace: 'pre-line' }}>{error}</p> : null}
    </div>
  );
};
