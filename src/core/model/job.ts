import type { AppError } from '../result';
import type { ChatMessage, ScoreResult, Usage } from '../engine/port';
import type { TaskResult, TaskSource } from '../tasks/task-result';
import type { Evidence } from '../tasks/evidence';

export type JobKind = 'draft' | 'react' | 'interview' | 'survey';
export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'interrupted';

/** One option set the engine host scores after the free-text step (engine.scoreOptions). */
export interface ScoringStep {
  key: string;
  messages: ChatMessage[];
  options: string[];
}

export type ScoreOutcome = { key: string; ok: true; value: ScoreResult } | { key: string; ok: false; error: AppError };

/** The evidence a job's prompt was built from, as the UI lists it (no full text). */
export type EvidenceRef = Pick<Evidence, 'id' | 'kind' | 'site' | 'label' | 'url'>;

/**
 * A generation persisted with its partial output, so that neither a closed popup nor a dead
 * service worker loses it.
 */
export interface Job {
  id: string;
  kind: JobKind;
  status: JobStatus;
  createdAt: number;
  updatedAt: number;
  /** What the job is about, for the UI ("Reply to a selection on example.com"). */
  title: string;
  /** The page the job is about, stripped of query and fragment, if any. */
  url?: string;
  messages: ChatMessage[];
  maxTokens: number;
  temperature: number;
  /** Constrains the streamed generation to JSON of this schema (structured tasks). */
  jsonSchema?: object;
  /** An interview answered in plain text: the records shown, to attribute the answer to (attribute-answer.ts). */
  answerSources?: { id: string; text: string }[];
  /** Sampling the task asks for (core/engine/port.ts GenerateRequest): drafts on small models need them. */
  stop?: string[];
  repeatPenalty?: number;
  seed?: number;
  /** Option sets scored after the generation. */
  scoring?: ScoringStep[];
  /** Records the prompt was built from. */
  evidence?: EvidenceRef[];
  /** Persona + evidence tokens in the prompt (documented estimate, core/prompting/tokens.ts). */
  contextTokens?: number;
  /** Where the job came from, so it can be regenerated or adjusted. */
  source?: TaskSource;
  /** The tab and frame whose field a draft is inserted into, on the user's click. */
  target?: { tabId: number; frameId?: number };
  output: string;
  tokens: number;
  usage?: Usage;
  /** The name of the model that wrote the output, so a result says where it came from. */
  model?: string;
  /** The structured outcome (options with probabilities, parsed JSON, guarded answers). */
  result?: TaskResult;
  error?: AppError;
}

export const isFinished = (status: JobStatus): boolean =>
  status === 'done' || status === 'failed' || status === 'interrupted';
