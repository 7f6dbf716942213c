import * as v from 'valibot';
import type { GenerateRequest, GenerateResult, ScoreRequest, ScoreResult } from '../../core/engine/port';
import type { DownloadState } from '../../core/engine/download-state';
import type { GpuModelChoice } from '../../core/engine/gpu-model-choice';
import type { EngineStatus } from '../../core/engine/status';
import { fidelityHostSchemas, type FidelityHostMethods } from './fidelity';
import { empty, generateRequest, gpuModelChoice, id, nonNegativeInt, scoreRequest, url, type MethodSchemas } from '../schemas';

/** Requests the background forwards to the engine host (offscreen document or Firefox background page). */
export interface EngineHostMethods extends FidelityHostMethods {
  'host.status': (input: Record<string, never>) => EngineStatus;
  'host.loadModel': (input: { modelId: string; threads?: number }) => EngineStatus;
  /** Switches to a WebLLM model (prebuilt id, or a custom MLC model); falls back to the CPU engine. */
  'host.loadGpuModel': (input: GpuModelChoice) => EngineStatus;
  /** One whole (unstreamed) generation in the engine queue: JSON-schema output for pipelines and tests. */
  'host.complete': (input: GenerateRequest) => GenerateResult;
  /** Probabilities over a small answer set, from token log-probs. */
  'host.score': (input: ScoreRequest) => ScoreResult;
  /** Model downloads (GGUF for the CPU engine), run in the host so closing Options does not stop them. */
  'host.download.probe': (input: { url: string }) => { totalBytes: number };
  'host.download.start': (input: { url: string; name: string }) => DownloadState;
  'host.download.cancel': (input: { url: string }) => null;
  'host.download.list': (input: Record<string, never>) => DownloadState[];
  /** Readable text of a page's markup: DOMParser + Readability, off the page's thread. */
  'host.extract': (input: { html: string; maxChars: number }) => { title: string; text: string; lang?: string };
  /** Runs (or resumes) the persisted persona rebuild unless one is already running here. */
  'host.personaRebuild': (input: Record<string, never>) => { started: boolean };
}

export const engineHostSchemas: MethodSchemas<EngineHostMethods> = {
  ...fidelityHostSchemas,
  'host.status': empty,
  'host.loadModel': v.object({ modelId: id, threads: v.optional(v.pipe(v.number(), v.safeInteger(), v.minValue(1), v.maxValue(16))) }),
  'host.loadGpuModel': gpuModelChoice,
  'host.complete': generateRequest,
  'host.score': scoreRequest,
  'host.download.probe': v.object({ url }),
  'host.download.start': v.object({ url, name: v.pipe(v.string(), v.maxLength(500)) }),
  'host.download.cancel': v.object({ url }),
  'host.download.list': empty,
  'host.extract': v.object({ html: v.string(), maxChars: nonNegativeInt }),
  'host.personaRebuild': empty,
};
