/** A model outside WebLLM's prebuilt list: MLC-converted weights plus their compiled model library. */
export interface CustomWebLlmModel {
  modelUrl: string;
  modelLibUrl: string;
  /** `sha256-<base64>` of the library, required for one not served by the extension or the user's own machine. */
  modelLibIntegrity?: string;
  vramMB?: number;
}

/** Which WebLLM model to load: a prebuilt id, or a custom one with its URLs. */
export interface GpuModelChoice {
  modelId: string;
  custom?: CustomWebLlmModel;
  /** Known before the download starts, from the catalog. */
  downloadBytes?: number;
}
