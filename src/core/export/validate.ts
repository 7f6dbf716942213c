import { fail, ok, type Result } from '../result';
import { parseRecord } from './parse-record';
import type { RecordKind } from './records';

const isRecordKind = (kind: ExportKind): kind is RecordKind => kind !== 'jobs' && kind !== 'reports';

/** What an export holds, one kind per top-level array. */
export const EXPORT_KINDS = ['pages', 'writings', 'reactions', 'personas', 'jobs', 'reports'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export const isExportKind = (value: unknown): value is ExportKind => (EXPORT_KINDS as readonly string[]).includes(value as string);

const TIME_FIELD: Record<ExportKind, string> = { pages: 'lastVisit', writings: 'createdAt', reactions: 'at', personas: 'createdAt', jobs: 'updatedAt', reports: 'createdAt' };
const TEXT_FIELDS: Partial<Record<ExportKind, readonly string[]>> = { pages: ['url', 'site', 'title', 'text'], writings: ['url', 'site', 'text'], reactions: ['url', 'site', 'kind'] };

/**
 * Checks one record of an import before it is stored: every record passes through this one call
 * (a per-record schema validator can replace its body). `index` is the record's place in its array.
 */
export const validate = (kind: ExportKind, value: unknown, index: number): Result<Record<string, unknown> & { id: string }> => {
  // Records the persona is built from get the full schema (types, ISO dates, capture caps); jobs and
  // reports, which only Doppel writes, the light check below.
  if (isRecordKind(kind)) {
    const parsed = parseRecord(kind, value, index);
    return parsed.ok ? ok(parsed.value as unknown as Record<string, unknown> & { id: string }) : fail('bad_request', parsed.problems.join(' '));
  }
  const record = value as Record<string, unknown> | null;
  const where = `${kind}[${index}]`;
  if (!record || typeof record !== 'object' || Array.isArray(record)) return fail('bad_request', `Record ${where} of this export is not an object. Choose a file made by "Export data".`);
  if (typeof record.id !== 'string' || !record.id) return fail('bad_request', `Record ${where} of this export has no id. Choose a file made by "Export data".`);
  if (!Number.isFinite(record[TIME_FIELD[kind]])) return fail('bad_request', `Record ${where} of this export has no ${TIME_FIELD[kind]} time. Choose a file made by "Export data".`);
  for (const field of TEXT_FIELDS[kind] ?? []) {
    if (typeof record[field] !== 'string') return fail('bad_request', `Record ${where} of this export has no ${field}. Choose a file made by "Export data".`);
  }
  return ok(record as Record<string, unknown> & { id: string });
};
