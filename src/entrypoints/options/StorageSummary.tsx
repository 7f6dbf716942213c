import { megabytes } from '../../core/engine/download-plan';
import type { ModelInfo } from '../../adapters/db/model-store';
import { deleteWebLlmModel, listWebLlmCache } from '../../adapters/engine/webllm-cache';
import { useLoaded } from '../../ui/use-rpc';

/** How much of this device's storage Doppel uses and may use, and each model's size with a delete. */
export const StorageSummary = ({ installed, onDelete }: { installed: ModelInfo[] | null; onDelete: (id: string) => void }) => {
  const gpu = useLoaded(() => listWebLlmCache(), [installed]);
  const estimate = useLoaded(() => navigator.storage.estimate(), [installed, gpu.value]);
  return (
    <div>
      <p class="muted" data-testid="storage-estimate">
        {estimate.value ? `Doppel uses ${megabytes(estimate.value.usage ?? 0)} of storage; up to ${megabytes(estimate.value.quota ?? 0)} is available to it on this device.` : 'Checking storage…'}
      </p>
      {installed?.length ? (
        <ul data-testid="model-list">
          {installed.map((m) => (
            <li key={m.id} data-model-id={m.id}>
              {m.name} — {megabytes(m.size)}, GGUF for the CPU engine{' '}
              <button type="button" class="secondary" onClick={() => onDelete(m.id)} aria-label={`Delete ${m.name}`}>
                Delete
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">No model installed yet.</p>
      )}
      {gpu.value?.length ? (
        <ul data-testid="gpu-cache-list">
          {gpu.value.map((m) => (
            <li key={m.baseUrl} data-base-url={m.baseUrl}>
              {m.name} — {megabytes(m.bytes)} in {m.files} files, downloaded for the GPU engine{' '}
              <button type="button" class="secondary" onClick={() => void deleteWebLlmModel(m.baseUrl).then(gpu.reload)} aria-label={`Delete ${m.name}`}>
                Delete
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
};
