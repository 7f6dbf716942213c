import type { DownloadState } from '../../core/engine/download-state';
import type { GpuModelChoice } from '../../core/engine/gpu-model-choice';
import type { EngineStatus } from '../../core/engine/status';

export interface EngineMethods {
  'engine.status': (input: Record<string, never>) => EngineStatus;
  'engine.modelAdded': (input: { modelId: string }) => EngineStatus;
  'engine.loadGpuModel': (input: GpuModelChoice) => EngineStatus;
  'engine.download.probe': (input: { url: string }) => { totalBytes: number };
  'engine.download.start': (input: { url: string; name: string }) => DownloadState;
  'engine.download.cancel': (input: { url: string }) => null;
  'engine.download.list': (input: Record<string, never>) => DownloadState[];
}
