import { useState } from 'preact/hooks';
import { openDoppelDb } from '../../adapters/db/open-db';
import { createModelStore } from '../../adapters/db/model-store';
import type { GpuModelChoice } from '../../core/engine/gpu-model-choice';
import { rpc } from '../../messaging/client';
import { EngineSummary } from '../../ui/EngineSummary';
import { useLoaded } from '../../ui/use-rpc';
import { DownloadPanel, useDownloads } from './DownloadPanel';
import { ModelCatalog } from './ModelCatalog';
import { STARTER_MODEL } from '../../adapters/engine/starter-model';
import { StorageSummary } from './StorageSummary';
import { t } from '../../ui/i18n';

const models = createModelStore(() => openDoppelDb());

export const ModelSection = () => {
  const engine = useLoaded(() => rpc('engine.status', {}));
  const installed = useLoaded(() => models.list());
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const downloads = useDownloads((modelId) => {
    installed.reload();
    void rpc('engine.modelAdded', { modelId }).then(engine.reload, (failure: Error) => setError(failure.message));
  });

  // The engine host falls back to the CPU engine itself when the GPU model fails, and says why.
  const useGpu = async (choice: GpuModelChoice) => {
    setError(null);
    setBusy(t('modelLoadingGpu', choice.modelId));
    try {
      await rpc('engine.loadGpuModel', choice);
      engine.reload();
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(null);
    }
  };

  // The engine host keeps the choice (models store + its own storage): it survives restarts.
  const useCpu = async (modelId: string) => {
    setError(null);
    setBusy(t('modelLoading', installed.value?.find((m) => m.id === modelId)?.name ?? ''));
    try {
      await rpc('engine.modelAdded', { modelId });
      engine.reload();
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(null);
    }
  };

  // The model file goes straight into Doppel's own storage: the offline way to install a model.
  const addFile = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    setError(null);
    setBusy(t('modelAddingFile', file.name));
    try {
      const model = await models.add(file, file.name.replace(/\.gguf$/i, ''));
      setBusy(t('modelLoading', model.name));
      await rpc('engine.modelAdded', { modelId: model.id });
      installed.reload();
      engine.reload();
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(null);
      input.value = '';
    }
  };

  return (
    <section aria-labelledby="model-heading">
      <h2 id="model-heading">{t('modelHeading')}</h2>
      <div class="card">
        <EngineSummary status={engine.value} />
        {engine.error ? <p class="error" role="alert">{engine.error}</p> : null}
      </div>
      {engine.value ? <ModelCatalog preflight={engine.value.preflight} onDownload={(url, name) => void downloads.start(url, name)} onUseGpu={useGpu} /> : null}
      <p class="muted" data-testid="starter-note">{t('catalogStarterNote', STARTER_MODEL.name)}</p>
      <DownloadPanel state={downloads} />
      <h2>{t('modelInstalledHeading')}</h2>
      <StorageSummary installed={installed.value} onDelete={(id) => void models.remove(id).then(installed.reload)} onUse={(id) => void useCpu(id)} inUse={engine.value?.engine === 'wllama' ? engine.value.model?.id ?? null : null} />
      {/* One button: the native file input is inside it, visually hidden but focusable. */}
      <label class="button file-button">
        {t('modelAddFromFile')}
        <input type="file" accept=".gguf" onChange={addFile} disabled={busy !== null} data-testid="add-model-file" class="visually-hidden" />
      </label>
      <p class="muted">{t('modelAddFromFileHint')}</p>
      {busy ? <p role="status">{busy}</p> : null}
      {error ? <p class="error" role="alert">{error}</p> : null}
    </section>
  );
};
