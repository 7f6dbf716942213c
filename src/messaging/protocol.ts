import type { GenerateRequest, GenerateResult, ScoreRequest, ScoreResult } from '../core/engine/port';
import type { DownloadState } from '../core/engine/download-state';
import type { GpuModelChoice } from '../core/engine/gpu-model-choice';
import type { EngineStatus } from '../core/engine/status';
import type { Job } from '../core/model/job';
import type { Result } from '../core/result';
import type { CaptureMethods } from './methods/capture';
import type { DemoMethods } from './methods/demo';
import type { EngineMethods } from './methods/engine';
import type { FidelityHostMethods, FidelityMethods } from './methods/fidelity';
import type { JobMethods } from './methods/jobs';
import type { PersonaMethods } from './methods/persona';
import type { TaskMethods } from './methods/tasks';

/**
 * The one message map: every request any context sends to the background, with its answer. Each
 * domain declares its methods in messaging/methods/; each answer travels as a Result, because a
 * thrown Error does not survive structured cloning.
 */
export interface BackgroundMethods extends CaptureMethods, EngineMethods, JobMethods, DemoMethods, FidelityMethods, PersonaMethods, TaskMethods {}

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
  /** Runs (or resumes) the persisted persona rebuild unless one is already running here. */
  'host.personaRebuild': (input: Record<string, never>) => { started: boolean };
}

export type MethodName<M> = keyof M & string;
export type Params<M, K extends keyof M> = M[K] extends (input: infer P) => unknown ? P : never;
export type Answer<M, K extends keyof M> = M[K] extends (input: never) => infer R ? R : never;

/** A request as it travels: `to` names the context that must answer; others stay silent so exactly one reply arrives. */
export interface Envelope {
  method: string;
  params: unknown;
  to: 'background' | 'engine-host';
}

export type Handlers<M> = {
  [K in MethodName<M>]: (params: Params<M, K>, sender: SenderInfo) => Promise<Result<Answer<M, K>>>;
};

export interface SenderInfo {
  /** The page or frame that sent the message. */
  url?: string;
  tabId?: number;
  frameId?: number;
  /** The browser's word that the sender's tab is incognito: Doppel never captures there. */
  incognito?: boolean;
  /** True when the sender is one of Doppel's own pages or workers. */
  trusted: boolean;
}

/**
 * Methods a content script may call: it runs beside untrusted pages, so it may only capture, and
 * report the text the user sent after inserting a draft (checked against the job's tab).
 */
export const CONTENT_SCRIPT_METHODS: ReadonlySet<string> = new Set([
  'capture.page',
  'capture.check',
  'capture.visit',
  'capture.writing',
  'capture.reaction',
  'capture.timing',
  'tasks.feedback',
]);

/** Streams to and from the engine host, over a runtime Port named GENERATE_PORT. */
export const GENERATE_PORT = 'doppel:generate';

export type GenerateClientMessage = { type: 'start'; jobId: string } | { type: 'keepalive' };

export type GenerateHostMessage =
  | { type: 'queued'; position: number }
  | { type: 'started' }
  | { type: 'token'; piece: string; tokens: number }
  | { type: 'done'; job: Job }
  | { type: 'error'; job: Job | null; message: string; code: string };
