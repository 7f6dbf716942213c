import browser from 'webextension-polyfill';
import { openDoppelDb } from '../../adapters/db/open-db';
import { createJobStore } from '../../adapters/db/job-store';
import { createModelStore } from '../../adapters/db/model-store';
import { createPersonaStore } from '../../adapters/db/persona-store';
import { createPersonaRebuilder } from '../../adapters/engine/persona-rebuild';
import { identifySender } from '../../adapters/browser/sender';
import { createEngineHost } from '../../adapters/engine/engine-host';
import { runPreflight } from '../../adapters/engine/webgpu-preflight';
import { loadWllamaEngine } from '../../adapters/engine/wllama-engine';
import { createRouter } from '../../messaging/router';
import { ok } from '../../core/result';
import type { EngineHostMethods } from '../../messaging/protocol';
import { serveGeneratePorts } from './serve-ports';

const db = () => openDoppelDb();
const host = createEngineHost({
  jobs: createJobStore(db),
  models: createModelStore(db),
  preflight: () => runPreflight(),
  loadCpuEngine: (model) => loadWllamaEngine({ modelId: model.id, blob: model.blob }),
});

const rebuilder = createPersonaRebuilder(host, createPersonaStore(db));

browser.runtime.onMessage.addListener(
  createRouter<EngineHostMethods>(
    'engine-host',
    {
      'host.status': async () => ok(await host.status()),
      'host.loadModel': async ({ modelId }) => ok(await host.loadModel(modelId)),
      'host.personaRebuild': async () => ok({ started: rebuilder.start() }),
    },
    identifySender,
  ),
);

serveGeneratePorts(host);
