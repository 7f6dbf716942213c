import { closeSync, openSync, writeSync } from 'node:fs';
import { arrayClosing, arrayOpening, exportClosing, exportOpening, recordsChunk } from '../../src/core/export/stream-write';
import type { SyntheticHistory } from '../../src/core/synthetic/history';

/** Writes a history as a Doppel export file, chunk by chunk, the way Options → Data writes one. Returns its size in bytes. */
export const writeExportFile = (path: string, history: SyntheticHistory, exportedAt = Date.now()): number => {
  const fd = openSync(path, 'w');
  let bytes = 0;
  const put = (s: string) => (bytes += writeSync(fd, s));
  try {
    put(exportOpening(exportedAt));
    for (const kind of ['pages', 'writings', 'reactions'] as const) {
      put(arrayOpening(kind));
      const records = history[kind];
      for (let i = 0; i < records.length; i += 500) put(recordsChunk(records.slice(i, i + 500), i === 0));
      put(arrayClosing);
    }
    put(exportClosing({}));
  } finally {
    closeSync(fd);
  }
  return bytes;
};
