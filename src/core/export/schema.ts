import type { PageRecord, ReactionRecord, WritingRecord } from '../model/records';
import type { Job } from '../model/job';
import type { PersonaDoc } from '../persona/types';
import { fail, ok, type Result } from '../result';

/**
 * One JSON file with everything Doppel stores about the user (docs/export-format.md). It is what
 * "Export data" writes and "Import data" reads, and the input of the command-line tools.
 */
export interface DoppelExport {
  format: 'doppel-export';
  /** 1: records and personas; 2 adds jobs, reports and settings (a version 1 file reads as version 2 without them). */
  version: 1 | 2;
  exportedAt: number;
  pages: PageRecord[];
  writings: WritingRecord[];
  reactions: ReactionRecord[];
  personas: PersonaDoc[];
  jobs?: Job[];
  reports?: { id: string; createdAt: number; [field: string]: unknown }[];
  /** Capture and retention settings, by their storage key. */
  settings?: Record<string, unknown>;
}

const isArray = (value: unknown): value is unknown[] => Array.isArray(value);

export const parseExport = (json: string): Result<DoppelExport> => {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return fail('bad_request', 'This file is not valid JSON. Choose a file made by "Export data".');
  }
  const candidate = data as Partial<DoppelExport> | null;
  if (!candidate || candidate.format !== 'doppel-export') {
    return fail('bad_request', 'This is not a Doppel export. Choose a file made by "Export data".');
  }
  if (candidate.version !== 1 && candidate.version !== 2) {
    return fail('bad_request', `This export is version ${String(candidate.version)}; this Doppel reads versions 1 and 2. Update Doppel and try again.`);
  }
  if (!isArray(candidate.pages) || !isArray(candidate.writings) || !isArray(candidate.reactions)) {
    return fail('bad_request', 'This export is incomplete (pages, writings or reactions are missing).');
  }
  return ok({ ...candidate, personas: isArray(candidate.personas) ? candidate.personas : [] } as DoppelExport);
};
