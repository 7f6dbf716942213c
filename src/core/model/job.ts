import type { AppError } from '../result';
import type { ChatMessage, Usage } from '../engine/port';

export type JobKind = 'draft' | 'react';
export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'interrupted';

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
  output: string;
  tokens: number;
  usage?: Usage;
  error?: AppError;
}

export const isFinished = (status: JobStatus): boolean =>
  status === 'done' || status === 'failed' || status === 'interrupted';
