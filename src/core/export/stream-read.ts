import { JSONParser } from '@streamparser/json';
import { DoppelError } from '../result';
import { isExportKind, type ExportKind } from './validate';

const notExport = () => new DoppelError('bad_request', 'This is not a Doppel export. Choose a file made by "Export data".');

export interface ExportItem {
  kind: ExportKind;
  value: unknown;
  /** Place in its array. */
  index: number;
}

export interface ExportHeader {
  format?: unknown;
  version?: unknown;
  exportedAt?: unknown;
  settings?: Record<string, unknown>;
}

/**
 * Reads an export (version 1 or 2) chunk by chunk: records are emitted one at a time and dropped
 * by the parser once emitted, so a 500 MB file never becomes one string or one object tree.
 */
export const createExportReader = (onItem: (item: ExportItem) => void) => {
  const header: ExportHeader = {};
  const counts = new Map<ExportKind, number>();
  const parser = new JSONParser({
    paths: ['$.format', '$.version', '$.exportedAt', '$.settings', ...['pages', 'writings', 'reactions', 'personas', 'jobs', 'reports'].map((k) => `$.${k}.*`)],
    keepStack: false,
  });
  let failure: Error | null = null;
  parser.onError = () => {
    failure ??= new DoppelError('bad_request', 'This file is not valid JSON. Choose a file made by "Export data".');
  };
  parser.onValue = ({ value, key, stack }) => {
    if (stack.length === 1) {
      if (key === 'format' || key === 'version' || key === 'exportedAt') header[key] = value;
      else if (key === 'settings' && value && typeof value === 'object' && !Array.isArray(value)) header.settings = value as Record<string, unknown>;
      return;
    }
    const kind = stack[1]?.key;
    if (stack.length !== 2 || !isExportKind(kind)) return;
    if (failure) return;
    if (header.format !== 'doppel-export') return void (failure = notExport());
    if (header.version !== 1 && header.version !== 2) return void (failure = new DoppelError('bad_request', `This export is version ${String(header.version)}; this Doppel reads versions 1 and 2. Update Doppel and try again.`));
    const index = counts.get(kind) ?? 0;
    counts.set(kind, index + 1);
    onItem({ kind, value, index });
  };
  const check = () => {
    if (failure) throw failure;
  };
  return {
    header,
    write(chunk: string) {
      parser.write(chunk);
      check();
    },
    end() {
      if (!parser.isEnded) parser.end();
      check();
      if (header.format !== 'doppel-export') throw notExport();
    },
  };
};
