import browser from 'webextension-polyfill';
import { loadSettings } from '../../../adapters/browser/settings-store';
import { pagesFromHistory } from '../../../core/capture/history-seed';
import { scrubPii } from '../../../core/capture/scrub';
import { parseExport, type DoppelExport } from '../../../core/export/schema';
import { DoppelError, ok } from '../../../core/result';
import type { CaptureMethods } from '../../../messaging/methods/capture';
import type { Handlers } from '../../../messaging/protocol';
import type { BackgroundDeps } from '../deps';

type DataMethods = Pick<CaptureMethods, 'data.list' | 'data.delete' | 'data.export' | 'data.import' | 'data.deleteAll' | 'data.usage' | 'capture.seedHistory'>;

/** Imported text is scrubbed like captured text: nothing unscrubbed is ever stored. Scrubbing is idempotent. */
const scrubImport = (data: DoppelExport): DoppelExport => ({
  ...data,
  pages: data.pages.map((p) => ({ ...p, title: scrubPii(p.title), text: scrubPii(p.text) })),
  writings: data.writings.map((w) => ({ ...w, text: scrubPii(w.text), ...(w.replyTo !== undefined ? { replyTo: scrubPii(w.replyTo) } : {}) })),
});

export const createDataHandlers = (deps: BackgroundDeps): Handlers<DataMethods> => ({
  'data.list': async ({ store }) => ok(await deps.data.list(store)),
  'data.delete': async ({ store, ids }) => {
    await deps.data.remove(store, ids);
    // Claims that only these records supported go with them: evidence the user deletes takes its claims along.
    for (const id of ids) await deps.personas.forgetRecord(id);
    return ok({ deleted: ids.length });
  },
  'data.export': async () => ok(await deps.data.exportAll()),
  'data.import': async ({ json }) => {
    const parsed = parseExport(json);
    if (!parsed.ok) return parsed;
    return ok(await deps.data.importAll(scrubImport(parsed.value)));
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
