import browser from 'webextension-polyfill';
import { loadSettings, saveSettings } from '../../../adapters/browser/settings-store';
import { pagesFromHistory } from '../../../core/capture/history-seed';
import { scrubPii } from '../../../core/capture/scrub';
import { readSettings, SETTING_KEYS, type CaptureSettings } from '../../../core/capture/settings';
import { validate, type ExportKind } from '../../../core/export/validate';
import { DoppelError, ok } from '../../../core/result';
import type { CaptureMethods } from '../../../messaging/methods/capture';
import type { Handlers } from '../../../messaging/protocol';
import type { BackgroundDeps } from '../deps';

type DataMethods = Pick<
  CaptureMethods,
  'data.list' | 'data.delete' | 'data.exportChunk' | 'data.exportSettings' | 'data.importStatus' | 'data.importBatch' | 'data.importFinish' | 'data.deleteAll' | 'data.usage' | 'capture.seedHistory'
>;

const EXPORT_CHUNK = 500;
const MAX_BATCH = 2000;

/** Imported text is scrubbed like captured text: nothing unscrubbed is ever stored. Scrubbing is idempotent. */
const scrubRecord = (kind: ExportKind, r: Record<string, unknown> & { id: string }) => {
  if (kind === 'pages') return { ...r, title: scrubPii(String(r.title)), text: scrubPii(String(r.text)) };
  if (kind === 'writings') return { ...r, text: scrubPii(String(r.text)), ...(typeof r.replyTo === 'string' ? { replyTo: scrubPii(r.replyTo) } : {}) };
  return r;
};

/** Only known settings, each of the right type, come in from a file. */
const importedSettings = (stored: Record<string, unknown>): Partial<CaptureSettings> => {
  const read = readSettings(stored);
  const out: Partial<CaptureSettings> = {};
  for (const key of Object.keys(SETTING_KEYS) as (keyof CaptureSettings)[]) if (SETTING_KEYS[key] in stored) (out as Record<string, unknown>)[key] = read[key];
  return out;
};

export const createDataHandlers = (deps: BackgroundDeps): Handlers<DataMethods> => ({
  'data.list': async ({ store }) => ok(await deps.data.rows(store)),
  'data.delete': async ({ store, ids }) => {
    // Claims that only these records supported go with them, in the same transaction (forgetDerived).
    await deps.data.remove(store, ids);
    return ok({ deleted: ids.length });
  },
  'data.exportChunk': async ({ kind, after, limit }) => {
    const records = await deps.data.page(kind, after, Math.min(Math.max(1, limit ?? EXPORT_CHUNK), MAX_BATCH));
    return ok({ records, ...(records.length ? { next: records[records.length - 1]!.id } : {}) });
  },
  'data.exportSettings': async () => {
    const settings = await loadSettings();
    return ok(Object.fromEntries(Object.entries(SETTING_KEYS).map(([name, key]) => [key, settings[name as keyof CaptureSettings]])));
  },
  'data.importStatus': async ({ key }) => {
    const checkpoint = await deps.data.importCheckpoint();
    return ok({ done: checkpoint?.key === key ? checkpoint.done : 0 });
  },
  'data.importBatch': async ({ key, from, items }) => {
    if (!Array.isArray(items) || items.length > MAX_BATCH) throw new DoppelError('bad_request', 'An import batch was too large. Try the import again.');
    const checkpoint = await deps.data.importCheckpoint();
    const done = checkpoint?.key === key ? checkpoint.done : 0;
    // A batch sent again after the service worker died is already stored; one past a gap is refused.
    if (from + items.length <= done) return ok({ done });
    if (from > done) throw new DoppelError('bad_request', 'Part of this import is missing. Choose the file again to continue.');
    const records = items.slice(done - from).map((item) => {
      const valid = validate(item.kind, item.value, item.index);
      if (!valid.ok) throw new DoppelError(valid.error.code, valid.error.message);
      return { kind: item.kind, record: scrubRecord(item.kind, valid.value) };
    });
    return ok({ done: (await deps.data.importBatch(key, done, records)).done });
  },
  'data.importFinish': async ({ settings }) => {
    if (settings && typeof settings === 'object') {
      const known = importedSettings(settings);
      if (Object.keys(known).length) await saveSettings(known);
    }
    await deps.data.finishImport();
    return ok(await deps.data.usage());
  },
  'data.deleteAll': async () => {
    await deps.data.deleteAll();
    return ok({ deleted: true as const });
  },
  'data.usage': async () => {
    const estimate = await navigator.storage.estimate().catch(() => ({}) as StorageEstimate);
    return ok({ ...(await deps.data.usage()), ...(estimate.quota ? { quota: estimate.quota } : {}), ...(estimate.usage ? { usage: estimate.usage } : {}) });
  },
  'capture.seedHistory': async ({ maxResults }) => {
    if (!(await browser.permissions.contains({ permissions: ['history'] }))) {
      throw new DoppelError('forbidden', 'Doppel needs your permission to read your browser history. Press "Seed from history" again and allow it.');
    }
    const items = await browser.history.search({ text: '', startTime: 0, maxResults: Math.min(maxResults ?? 5000, 20_000) });
    const seeds = pagesFromHistory(items, await loadSettings(), Date.now(), () => crypto.randomUUID());
    // Written together, so the ingest batches them into one transaction.
    await Promise.all(seeds.map((page) => deps.ingest.write({ type: 'seed', page })));
    return ok({ added: seeds.length });
  },
});
