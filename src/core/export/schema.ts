import type { PageRecord, ReactionRecord, WritingRecord } from '../model/records';
import type { PersonaDoc } from '../persona/types';
import { fail, ok, type Result } from '../result';
import { isoToEpoch } from './fields';
import { parseRecord } from './parse-record';
import type { RecordKind } from './records';

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

/** At most this many problem sentences are listed; the rest are counted. */
export const MAX_LISTED_PROBLEMS = 20;

export interface ExportCheck {
  /** Every record that passed, normalized. */
  value: DoppelExport;
  /** One sentence per problem, naming the record's kind, index and field. */
  problems: string[];
}

const KINDS: readonly RecordKind[] = ['pages', 'writings', 'reactions', 'personas'];
const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * Checks a whole export, record by record (parse-record.ts). Returns an error only when the file
 * is not an export at all; otherwise the valid records and the problem sentences.
 */
export const checkExport = (data: unknown): Result<ExportCheck> => {
  if (!isObject(data) || data.format !== 'doppel-export') return fail('bad_request', 'This is not a Doppel export. Choose a file made by "Export data".');
  if (data.version !== 1) return fail('bad_request', `This export is version ${String(data.version)}; this Doppel reads version 1. Update Doppel and try again.`);
  const problems: string[] = [];
  const exportedAt = typeof data.exportedAt === 'string' ? isoToEpoch(data.exportedAt) : data.exportedAt;
  if (data.exportedAt !== undefined && (typeof exportedAt !== 'number' || !Number.isFinite(exportedAt))) problems.push('"exportedAt" must be a date (epoch milliseconds or an ISO 8601 string). Fix it, then try again.');
  const out: Record<RecordKind, unknown[]> = { pages: [], writings: [], reactions: [], personas: [] };
  for (const kind of KINDS) {
    const list = data[kind];
    if (list === undefined && kind === 'personas') continue;
    if (!Array.isArray(list)) {
      problems.push(`"${kind}" must be a list of records${list === undefined ? ', but it is missing' : ''}. This export is incomplete; export it again.`);
      continue;
    }
    list.forEach((record, index) => {
      const parsed = parseRecord(kind, record, index);
      if (parsed.ok) out[kind].push(parsed.value);
      else problems.push(...parsed.problems);
    });
  }
  const newest = Math.max(0, ...(out.writings as WritingRecord[]).map((w) => w.createdAt), ...(out.reactions as ReactionRecord[]).map((r) => r.at), ...(out.pages as PageRecord[]).map((p) => p.lastVisit));
  // Without exportedAt the newest record stands in: the file then still gives the same persona every time.
  const value = { format: 'doppel-export', version: 1, exportedAt: typeof exportedAt === 'number' && Number.isFinite(exportedAt) ? exportedAt : newest, ...out } as DoppelExport;
  return ok({ value, problems });
};

/** The problems as one message: one sentence per line, at most MAX_LISTED_PROBLEMS of them. */
export const problemsMessage = (problems: readonly string[]): string => {
  const listed = problems.slice(0, MAX_LISTED_PROBLEMS);
  const more = problems.length - listed.length;
  return [`This export has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}; nothing was imported.`, ...listed, ...(more > 0 ? [`…and ${more} more.`] : [])].join('\n');
};

/** Reads an export file: every record valid, or an error listing every problem. */
export const parseExport = (json: string): Result<DoppelExport> => {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return fail('bad_request', 'This file is not valid JSON. Choose a file made by "Export data".');
  }
  const checked = checkExport(data);
  if (!checked.ok) return checked;
  if (checked.value.problems.length) return fail('bad_request', problemsMessage(checked.value.problems));
  return ok(checked.value.value);
};
