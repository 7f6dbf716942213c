import * as v from 'valibot';
import { RECORD_SCHEMAS, type RecordKind, type RecordTypes } from './records';

export type RecordResult<K extends RecordKind> = { ok: true; value: RecordTypes[K] } | { ok: false; problems: string[] };

const NOUN: Record<RecordKind, string> = { pages: 'Page', writings: 'Writing', reactions: 'Reaction', personas: 'Persona' };

/** What a bad value is, in words: "null", "the number 3", "a list". */
export const describeValue = (value: unknown): string => {
  if (value === null) return 'null';
  if (value === undefined) return 'missing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return value.length > 40 ? `the text "${value.slice(0, 40)}…"` : `the text "${value}"`;
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value === 'number' ? 'the number' : ''} ${String(value)}`.trim();
  return `${typeof value === 'object' ? 'an object' : typeof value}`;
};

const fieldPath = (issue: v.BaseIssue<unknown>): string =>
  (issue.path ?? []).map((p) => String(p.key)).join('.').replace(/\.(\d+)(?=\.|$)/g, '[$1]');

/** One sentence per problem, naming the record (kind and index) and the field. */
export const problemSentence = (kind: RecordKind, index: number, issue: v.BaseIssue<unknown>): string => {
  const where = `${NOUN[kind]} ${index} (${kind}[${index}])`;
  const field = fieldPath(issue);
  if (!field) return issue.type === 'check' ? `${where}: ${issue.message}. Fix or remove that record, then try again.` : `${where} must be an object, but it is ${describeValue(issue.input)}. Fix or remove that record, then try again.`;
  // The path holds the field's value as written: after a transform (ISO date) `issue.input` does not.
  const written = issue.path?.at(-1)?.value;
  return `${where}: "${field}" ${issue.message}, but it is ${describeValue(written)}. Fix or remove that record, then try again.`;
};

/**
 * Checks and normalizes one record of an export (ISO dates to epoch ms, capture caps applied): the
 * unit a streaming import can call record by record. Never throws.
 */
export const parseRecord = <K extends RecordKind>(kind: K, value: unknown, index: number): RecordResult<K> => {
  const result = v.safeParse(RECORD_SCHEMAS[kind], value);
  if (result.success) return { ok: true, value: result.output as RecordTypes[K] };
  return { ok: false, problems: result.issues.map((issue) => problemSentence(kind, index, issue)) };
};
