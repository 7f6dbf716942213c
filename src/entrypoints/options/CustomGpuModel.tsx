import { useState } from 'preact/hooks';
import { t } from '../../ui/i18n';

/** A WebLLM model of the user's own (e.g. a HumanLLM fine-tune converted with MLC): weights URL + library URL. */
export const CustomGpuModel = ({ onUse }: { onUse: (modelUrl: string, modelLibUrl: string) => void }) => {
  const [modelUrl, setModelUrl] = useState('');
  const [libUrl, setLibUrl] = useState('');
  const id = (value: string) => (e: Event) => (value === 'model' ? setModelUrl : setLibUrl)((e.currentTarget as HTMLInputElement).value);
  return (
    <details>
      <summary>{t('customGpuSummary')}</summary>
      <p class="muted">{t('customGpuIntro')}</p>
      <label>
        {t('customGpuWeights')} <input type="url" value={modelUrl} onInput={id('model')} placeholder="https://huggingface.co/you/model-q4f32_1-MLC" data-testid="mlc-model-url" style={{ width: '60%' }} />
      </label>
      <br />
      <label>
        {t('customGpuLibrary')} <input type="url" value={libUrl} onInput={id('lib')} placeholder={t('customGpuLibraryPlaceholder')} data-testid="mlc-lib-url" style={{ width: '60%' }} />
      </label>
      <br />
      <button type="button" class="secondary" disabled={!modelUrl || !libUrl} onClick={() => onUse(modelUrl, libUrl)}>
        {t('customGpuUse')}
      </button>
    </details>
  );
};
