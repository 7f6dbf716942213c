import * as v from 'valibot';
import type { DownloadState } from '../../core/engine/download-state';
import type { GpuModelChoice } from '../../core/engine/gpu-model-choice';
import type { EngineStatus } from '../../core/engine/status';
import { empty, gpuModelChoice, id, url, type MethodSchemas } from '../schemas';

export interface EngineMethods {
  'engine.status': (input: Record<string, never>) => EngineStatus;
  'engine.modelAdded': (input: { modelId: string }) => EngineStatus;
  'engine.loadGpuModel': (input: GpuModelChoice) => EngineStatus;
  'engine.download.probe': (input: { url: string }) => { totalBytes: number };
  'engine.download.start': (input: { url: string; name: string }) => DownloadState;
  'engine.download.cancel': (input: { url: string }) => null;
  'engine.download.list': (input: Record<string, never>) => DownloadState[];
}

export const engineSchemas: MethodSchemas<EngineMethods> = {
  'engine.status': empty,
  'engine.modelAdded': v.object({ modelId: id }),
  'engine.loadGpuModel': gpuModelChoice,
  'engine.download.probe': v.object({ url }),
  'engine.download.start': v.object({ url, name: v.pipe(v.string(), v.maxLength(500)) }),
  'engine.download.cancel': v.object({ url }),
  'engine.download.list': empty,
};
