import browser from 'webextension-polyfill';
import { openDoppelDb } from '../../adapters/db/open-db';
import { createJobStore } from '../../adapters/db/job-store';
import { createModelStore } from '../../adapters/db/model-store';
import { identifySender } from '../../adapters/browser/sender';
import { createEngineHost } from '../../adapters/engine/engine-host';
import { runPreflight } from '../../adapters/engine/webgpu-preflight';
import { createGgufDownloader } from '../../adapters/engine/gguf-download';
import { createCachePartStore } from '../../adapters/engine/part-store';
import { loadWllamaEngine } from '../../adapters/engine/wllama-engine';
import { createRouter } from '../../messaging/router';
import { ok } from '../../core/result';
import type { EngineHostMethods } from '../../messaging/protocol';
import { serveGeneratePorts } from './serve-ports';

const db = () => openDoppelDb();
const models = createModelStore(db);
const downloads = createGgufDownloader({
  fetch: (input, init) => fetch(input, init),
  parts: createCachePartStore(),
  estimate: () => navigator.storage.estimate(),
  install: (file, name) => models.add(file, name),
});
const host = createEngineHost({
  jobs: createJobStore(db),
  models,
  preflight: () => runPreflight(),
  loadCpuEngine: (model) => loadWllamaEngine({ modelId: model.id, blob: model.blob }),
});

browser.runtime.onMessage.addListener(
  createRouter<EngineHostMethods>(
    'engine-host',
    {
      'host.status': async () => ok(await host.status()),
      'host.loadModel': async ({ modelId }) => ok(await host.loadModel(modelId)),
      'host.complete': async (request) => ok(await host.use((engine) => engine.generate(request, () => {}, new AbortController().signal))),
      'host.download.probe': async ({ url }) => ok({ totalBytes: await downloads.probe(url) }),
      'host.download.start': async ({ url, name }) => ok(await downloads.start(url, name)),
      'host.download.cancel': async ({ url }) => ok(await downloads.cancel(url).then(() => null)),
      'host.download.list': async () => ok(await downloads.list()),
      'host.score': async (request) => ok(await host.use((engine) => engine.scoreOptions(request, new AbortController().signal))),
    },
    identifySender,
  ),
);

serveGeneratePorts(host);
