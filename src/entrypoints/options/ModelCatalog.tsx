import { CPU_CATALOG } from '../../core/engine/cpu-catalog';
import { buildLibPins } from '../../adapters/engine/build-libs';
import { formatBytes } from '../../ui/format';
import { webLlmCatalogFor } from '../../core/engine/model-offers';
import { recommendModel } from '../../core/engine/recommend-model';
import type { GpuModelChoice } from '../../core/engine/gpu-model-choice';
import type { GpuPreflight } from '../../core/engine/status';
import { CustomGpuModel } from './CustomGpuModel';
import { t } from '../../ui/i18n';

const deviceMemory = (navigator as { deviceMemory?: number }).deviceMemory;

/** The curated models for this device, the recommended one, and why; CPU models can be downloaded. */
export interface CatalogActions {
  onDownload: (url: string, name: string) => void;
  onUseGpu: (choice: GpuModelChoice) => void;
}

export const ModelCatalog = ({ preflight, onDownload, onUseGpu }: { preflight: GpuPreflight } & CatalogActions) => {
  const { libs } = buildLibPins();
  const recommendation = recommendModel(preflight, deviceMemory, libs);
  const { offers, excluded } = webLlmCatalogFor(preflight, libs);
  const recommended = recommendation.engine === 'wllama' ? CPU_CATALOG.find((m) => m.id === recommendation.modelId) : undefined;
  return (
    <div data-testid="model-catalog">
      <div class="card" data-testid="recommendation" data-engine={recommendation.engine} data-model={recommendation.modelId}>
        <p>
          <strong>{t('catalogRecommended', recommendation.label)}</strong> {t('catalogDownloadSize', formatBytes(recommendation.downloadBytes))}
        </p>
        {/* The preflight sentence is already in the engine card above: say only what is new. */}
        <p class="muted small" data-testid="recommendation-reason">{recommendation.reason.replace(preflight.reason, '').trim() || recommendation.reason}</p>
        {recommended ? (
          <button type="button" onClick={() => onDownload(recommended.url, recommended.label)} data-testid="download-recommended">
            {t('catalogDownloadRecommended', formatBytes(recommended.sizeBytes))}
          </button>
        ) : null}
      </div>
      <h3>{t('catalogGpuHeading')}</h3>
      {offers.length ? (
        <table data-testid="webllm-offers">
          <thead>
            <tr><th>{t('catalogColumnModel')}</th><th>{t('catalogColumnBuild')}</th><th>{t('catalogColumnDownload')}</th><th>{t('catalogColumnGpuMemory')}</th><th /></tr>
          </thead>
          <tbody>
            {offers.map((o) => (
              <tr key={o.variant.modelId} data-model={o.variant.modelId}>
                <td>{o.model.label}</td>
                <td>{o.variant.precision === 'f16' ? 'q4f16' : 'q4f32'}</td>
                <td>{formatBytes((o.variant.precision === 'f32' ? 1.15 : 1) * o.model.downloadMB * 2 ** 20)}</td>
                <td>{formatBytes(o.variant.vramMB * 2 ** 20)}</td>
                <td>
                  <button type="button" class="secondary" onClick={() => onUseGpu({ modelId: o.variant.modelId, downloadBytes: Math.round((o.variant.precision === 'f32' ? 1.15 : 1) * o.model.downloadMB * 2 ** 20) })}>
                    {t('catalogUse')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="muted">{t('catalogNoGpu')} {preflight.reason}</p>
      )}
      {offers.length && excluded.length ? (
        <details>
          <summary>{t('catalogNotOffered', excluded.length)}</summary>
          <ul>
            {excluded.map((e) => (
              <li key={e.model.family}>{e.model.label}: {e.reason}</li>
            ))}
          </ul>
        </details>
      ) : null}
      <CustomGpuModel onUse={(modelUrl, modelLibUrl) => onUseGpu({ modelId: modelUrl.replace(/\/+$/, '').split('/').pop() ?? 'custom', custom: { modelUrl, modelLibUrl } })} />
      <h3>{t('catalogCpuHeading')}</h3>
      <ul data-testid="cpu-catalog">
        {CPU_CATALOG.map((m) => (
          <li key={m.id}>
            {m.label} — {formatBytes(m.sizeBytes)}, {t('catalogAboutMemory', formatBytes(m.ramMB * 2 ** 20))}{' '}
            <button type="button" class="secondary" onClick={() => onDownload(m.url, m.label)}>
              {t('catalogDownload')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
};
