import type { PageRecord, ReactionRecord, WritingRecord } from '../model/records';
import type { PersonaDoc } from '../persona/types';
import { fail, ok, type Result } from '../result';

/**
 * One JSON file with everything Doppel stores about the user (docs/export-format.md). It is what
 * "Export data" writes and "Import data" reads, and the input of the command-line tools.
 */
export interface DoppelExport {
  format: 'doppel-export';
  version: 1;
  exportedAt: number;
  pages: PageRecord[];
  writings: WritingRecord[];
  reactions: ReactionRecord[];
  personas: PersonaDoc[];
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
  if (candidate.version !== 1) {
    return fail('bad_request', `This export is version ${String(candidate.version)}; this Doppel reads version 1. Update Doppel and try again.`);
  }
  if (!isArray(candidate.pages) || !isArray(candidate.writings) || !isArray(candidate.reactions)) {
    return fail('bad_request', 'This export is incomplete (pages, writings or reactions are missing).');
  }
  return ok({ ...candidate, personas: isArray(candidate.personas) ? candidate.personas : [] } as DoppelExport);
};
