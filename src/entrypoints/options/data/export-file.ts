import { EXPORT_KINDS } from '../../../core/export/validate';
import { arrayClosing, arrayOpening, exportClosing, exportOpening, recordsChunk } from '../../../core/export/stream-write';
import { DoppelError } from '../../../core/result';
import { rpc } from '../../../messaging/client';

const CHUNK = 500;

export interface Progress {
  done: number;
  total: number;
}

/**
 * Builds the export file as a Blob of small Blobs, one per chunk of records: the browser keeps
 * Blob data outside the page's heap (on disk when large), so 50k records never become one string.
 */
export const buildExportFile = async (total: number, onProgress: (p: Progress) => void, signal: AbortSignal, now = Date.now()): Promise<{ blob: Blob; counts: Record<string, number> }> => {
  const parts: Blob[] = [new Blob([exportOpening(now)])];
  const counts: Record<string, number> = {};
  let done = 0;
  for (const kind of EXPORT_KINDS) {
    parts.push(new Blob([arrayOpening(kind)]));
    counts[kind] = 0;
    let after: string | undefined;
    for (;;) {
      if (signal.aborted) throw new DoppelError('aborted', 'Export cancelled: no file was saved.');
      const { records, next } = await rpc('data.exportChunk', { kind, ...(after !== undefined ? { after } : {}), limit: CHUNK });
      if (!records.length) break;
      parts.push(new Blob([recordsChunk(records, counts[kind] === 0)]));
      counts[kind] += records.length;
      done += records.length;
      onProgress({ done, total: Math.max(total, done) });
      after = next;
    }
    parts.push(new Blob([arrayClosing]));
  }
  parts.push(new Blob([exportClosing(await rpc('data.exportSettings', {}))]));
  return { blob: new Blob(parts, { type: 'application/json' }), counts };
};
