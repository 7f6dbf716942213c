import browser from 'webextension-polyfill';
import { openDoppelDb } from '../../adapters/db/open-db';
import { createJobStore } from '../../adapters/db/job-store';
import { createModelStore } from '../../adapters/db/model-store';
import { identifySender } from '../../adapters/browser/sender';
import { createEngineHost } from '../../adapters/engine/engine-host';
import { runPreflight } from '../../adapters/engine/webgpu-preflight';
import { loadWllamaEngine } from '../../adapters/engine/wllama-engine';
import { createRouter } from '../../messaging/router';
import { ok } from '../../core/result';
import type { EngineHostMethods } from '../../messaging/protocol';
import { serveGeneratePorts } from './serve-ports';
import { createReportStore } from '../../adapters/db/report-store';
import { createFidelityRunner } from './fidelity-runner';

const db = () => openDoppelDb();
const host = createEngineHost({
  jobs: createJobStore(db),
  models: createModelStore(db),
  preflight: () => runPreflight(),
  loadCpuEngine: (model) => loadWllamaEngine({ modelId: model.id, blob: model.blob }),
});
const fidelity = createFidelityRunner({ host, reports: createReportStore(db) });

browser.runtime.onMessage.addListener(
  createRouter<EngineHostMethods>(
    'engine-host',
    {
      'host.status': async () => ok(await host.status()),
      'host.loadModel': async ({ modelId }) => ok(await host.loadModel(modelId)),
      'host.fidelity.run': async () => ok(await fidelity.start()),
    },
    identifySender,
  ),
);

serveGeneratePorts(host);
