import { useState } from 'preact/hooks';

/** A WebLLM model of the user's own (e.g. a HumanLLM fine-tune converted with MLC): weights URL + library URL. */
export const CustomGpuModel = ({ onUse }: { onUse: (modelUrl: string, modelLibUrl: string) => void }) => {
  const [modelUrl, setModelUrl] = useState('');
  const [libUrl, setLibUrl] = useState('');
  const id = (value: string) => (e: Event) => (value === 'model' ? setModelUrl : setLibUrl)((e.currentTarget as HTMLInputElement).value);
  return (
    <details>
      <summary>Use your own GPU model (MLC)</summary>
      <p class="muted">The address of an MLC weights directory and of its compiled WebGPU model library; docs/custom-models.md explains converting a checkpoint.</p>
      <label>
        Weights <input type="url" value={modelUrl} onInput={id('model')} placeholder="https://huggingface.co/you/model-q4f32_1-MLC" data-testid="mlc-model-url" style={{ width: '60%' }} />
      </label>
      <br />
      <label>
        Library <input type="url" value={libUrl} onInput={id('lib')} placeholder="Address of its compiled WebGPU library (.wasm file)" data-testid="mlc-lib-url" style={{ width: '60%' }} />
      </label>
      <br />
      <button type="button" class="secondary" disabled={!modelUrl || !libUrl} onClick={() => onUse(modelUrl, libUrl)}>
        Use this model
      </button>
    </details>
  );
};
