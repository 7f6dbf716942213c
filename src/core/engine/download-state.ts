/** A model download as every surface sees it. */
export type DownloadPhase = 'downloading' | 'interrupted' | 'cancelled' | 'done' | 'failed';

export interface DownloadState {
  url: string;
  name: string;
  totalBytes: number;
  loadedBytes: number;
  phase: DownloadPhase;
  /** "120 MB of 491 MB — about 2 min left", or what went wrong and what to do. */
  text: string;
  modelId?: string;
}
