import { createExportReader, type ExportItem } from '../../../core/export/stream-read';
import { DoppelError } from '../../../core/result';
import { rpc } from '../../../messaging/client';
import type { Progress } from './export-file';

/** Records per message: a few MB of pages, well under the message size limit. */
const BATCH = 200;
const BATCH_CHARS = 4_000_000;
const RETRIES = 6;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends a batch, and sends it again if the service worker died meanwhile: the background keeps a
 * checkpoint with the records, so a batch it already stored is skipped, never doubled.
 */
const sendBatch = async (key: string, from: number, items: ExportItem[]): Promise<number> => {
  for (let attempt = 0; ; attempt++) {
    try {
      return (await rpc('data.importBatch', { key, from, items })).done;
    } catch (error) {
      if (error instanceof DoppelError || attempt >= RETRIES) throw error;
      await sleep(200 * 2 ** attempt);
    }
  }
};

/**
 * Streams a file into Doppel: read in chunks, parsed record by record, sent in batches. An
 * import of the same file that was interrupted (the page closed, the worker died) continues
 * after the records the background already stored.
 */
export const importFile = async (file: File, onProgress: (p: Progress) => void, signal: AbortSignal) => {
  const key = `${file.name}:${file.size}:${file.lastModified}`;
  let done = (await rpc('data.importStatus', { key })).done;
  let position = 0;
  let batch: ExportItem[] = [];
  let batchChars = 0;
  const queue: ExportItem[][] = [];
  const reader = createExportReader((item) => {
    if (position++ < done) return;
    batch.push(item);
    batchChars += typeof item.value === 'object' && item.value && 'text' in item.value ? String((item.value as { text: unknown }).text).length : 200;
    if (batch.length >= BATCH || batchChars >= BATCH_CHARS) {
      queue.push(batch);
      batch = [];
      batchChars = 0;
    }
  });
  const drain = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) done = await sendBatch(key, done, next);
  };
  const stream = file.stream().pipeThrough(new TextDecoderStream()).getReader();
  let read = 0;
  try {
    for (;;) {
      if (signal.aborted) throw new DoppelError('aborted', 'Import cancelled: the records imported so far are kept; choose the file again to continue.');
      const { value, done: finished } = await stream.read();
      if (finished) break;
      read += value.length;
      reader.write(value);
      await drain();
      onProgress({ done: Math.min(read, file.size), total: file.size });
    }
  } finally {
    void stream.cancel().catch(() => {});
  }
  reader.end();
  if (batch.length) queue.push(batch);
  await drain();
  return rpc('data.importFinish', { key, ...(reader.header.settings ? { settings: reader.header.settings } : {}) });
};
