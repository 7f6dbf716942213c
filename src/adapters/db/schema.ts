import type { DBSchema } from 'idb';
import type { FidelityReport } from '../../core/fidelity/report';
import type { Job } from '../../core/model/job';
import type { RebuildState } from '../../core/persona/rebuild';
import type { PersonaDoc } from '../../core/persona/types';
import type { PageRecord, ReactionRecord, WritingRecord } from '../../core/model/records';
import type { SearchDoc } from '../../core/search/terms';
import type { LiveMarkRow, LivePersonaRow } from './persona-live-rows';

/** A model file the user added (a GGUF for the CPU engine), kept so it survives restarts. */
export interface StoredModel {
  id: string;
  name: string;
  format: 'gguf';
  /** Bytes of the file as the user added or downloaded it (which model sizes are "small" is judged by it). */
  size: number;
  addedAt: number;
  /** The most recently selected model is the one the engine loads. */
  selectedAt: number;
  /** The file the engine loads: what was added, or the same weights in a layout the CPU engine runs faster (engine/fast-cpu-model.ts). */
  blob: Blob;
}

/**
 * What one transaction changed in the full-text index: the vectors it wrote (a newer vector of a
 * record replaces the older) and the records it deleted.
 */
export interface SearchLogEntry {
  docs: SearchDoc[];
  removed: string[];
}

export interface DoppelDb extends DBSchema {
  pages: {
    key: string;
    value: PageRecord;
    // byHash and bySite exist only up to v4 (the v5 step drops them); only the migrations name them.
    indexes: { byUrl: string; byHash: string; byLastVisit: number; bySite: string };
  };
  writings: {
    key: string;
    value: WritingRecord;
    indexes: { byCreatedAt: number; bySite: string };
  };
  jobs: {
    key: string;
    value: Job;
    indexes: { byUpdatedAt: number };
  };
  reactions: {
    key: string;
    value: ReactionRecord;
    indexes: { byAt: number; byUrl: string };
  };
  /** Versioned persona documents (core/persona owns the shape). */
  personas: {
    key: string;
    value: PersonaDoc;
    indexes: { byCreatedAt: number };
  };
  /** Fidelity reports, newest last. */
  reports: {
    key: string;
    value: FidelityReport;
    indexes: { byCreatedAt: number };
  };
  /** Checkpoints of long work: the persona rebuild (run in the engine host), and the live persona's counts and batch mark. */
  pipelines: {
    key: string;
    value: RebuildState | LivePersonaRow | LiveMarkRow;
  };
  /** v4 only (the v5 step turns it into `searchLog`): one term vector per record, by record id. */
  search: {
    key: string;
    value: SearchDoc;
  };
  /** The full-text index's term vectors: one row per transaction that changed them, replayed in key order. */
  searchLog: {
    key: number;
    value: SearchLogEntry;
  };
  models: {
    key: string;
    value: StoredModel;
    indexes: { bySelectedAt: number };
  };
}

export const DB_NAME = 'doppel';
