import { formatBytes } from '../../ui/format';
import type { ModelInfo } from '../../adapters/db/model-store';
import { deleteWebLlmModel, listWebLlmCache } from '../../adapters/engine/webllm-cache';
import { useLoaded } from '../../ui/use-rpc';
import { t } from '../../ui/i18n';

interface StorageSummaryProps {
  installed: ModelInfo[] | null;
  onDelete: (id: string) => void;
  /** Makes a model the one the CPU engine uses (kept across restarts). */
  onUse: (id: string) => void;
  /** The model the engine has loaded, if it is one of these. */
  inUse?: string | null;
}

/** How much of this device's storage Doppel uses and may use, and each model's size with use and delete. */
export const StorageSummary = ({ installed, onDelete, onUse, inUse }: StorageSummaryProps) => {
  const gpu = useLoaded(() => listWebLlmCache(), [installed]);
  const estimate = useLoaded(() => navigator.storage.estimate(), [installed, gpu.value]);
  return (
    <div>
      <p class="muted" data-testid="storage-estimate">
        {estimate.value ? t('storageEstimate', formatBytes(estimate.value.usage ?? 0), formatBytes(estimate.value.quota ?? 0)) : t('storageChecking')}
      </p>
      {installed?.length ? (
        <ul data-testid="model-list">
          {installed.map((m) => (
            <li key={m.id} data-model-id={m.id}>
              {m.name} — {formatBytes(m.size)}, {t('storageGgufCpu')}{' '}
              {inUse === m.id ? (
                <strong data-testid="model-in-use">{t('storageInUse')}</strong>
              ) : (
                <button type="button" class="secondary" onClick={() => onUse(m.id)} aria-label={t('storageUseNamed', m.name)} data-testid="use-model">
                  {t('storageUse')}
                </button>
              )}{' '}
              <button type="button" class="secondary" onClick={() => onDelete(m.id)} aria-label={t('storageDeleteNamed', m.name)}>
                {t('storageDelete')}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t('storageNoModel')}</p>
      )}
      {gpu.value?.length ? (
        <ul data-testid="gpu-cache-list">
          {gpu.value.map((m) => (
            <li key={m.baseUrl} data-base-url={m.baseUrl}>
              {m.name} — {t('storageGpuEntry', formatBytes(m.bytes), m.files)}{' '}
              <button type="button" class="secondary" onClick={() => void deleteWebLlmModel(m.baseUrl).then(gpu.reload)} aria-label={t('storageDeleteNamed', m.name)}>
                {t('storageDelete')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
};
