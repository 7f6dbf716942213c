import { openDoppelDb } from '../../adapters/db/open-db';
import { createJobStore } from '../../adapters/db/job-store';
import { createModelStore } from '../../adapters/db/model-store';
import { createEngineHost, type EngineHost } from '../../adapters/engine/engine-host';
import { createGgufDownloader } from '../../adapters/engine/gguf-download';
import { fetchModelFile } from '../../adapters/engine/model-fetch';
import { createCachePartStore } from '../../adapters/engine/part-store';
import { runPreflight } from '../../adapters/engine/webgpu-preflight';
import { buildLibPins } from '../../adapters/engine/build-libs';
import { loadWebLlmEngine, type WebLlmModule } from '../../adapters/engine/webllm-engine';
import { f32VariantOf } from '../../core/engine/webllm-catalog';
import { loadWllamaEngine } from '../../adapters/engine/wllama-engine';
import { ok } from '../../core/result';
import { cpuThreads } from '../../core/engine/cpu-threads';
import { createEngineChoiceStore } from '../../adapters/browser/engine-choice-store';
import type { EngineHostMethods, Handlers } from '../../messaging/protocol';
import { createPersonaStore } from '../../adapters/db/persona-store';
import { styleMatch } from '../../core/persona/style-match';
import { createReportStore } from '../../adapters/db/report-store';
import { createPersonaRebuilder } from '../../adapters/engine/persona-rebuild';
import { extractFromHtml } from '../../adapters/capture/extract-html';
import { createCpuModelPreparer } from '../../adapters/engine/fast-cpu-model';
import { createFidelityRunner } from './fidelity-runner';
import { serveGeneratePorts } from './serve-ports';

/**
 * The engine host: one engine, its queue, model downloads, and the ports surfaces stream jobs over.
 * Chrome runs it in the offscreen document; Firefox (no offscreen API) in the background page.
 */
export const startEngineHost = (): { host: EngineHost; handlers: Handlers<EngineHostMethods> } => {
  const db = () => openDoppelDb();
  const models = createModelStore(db);
  const downloads = createGgufDownloader({
    fetch: fetchModelFile,
    parts: createCachePartStore(),
    estimate: () => navigator.storage.estimate(),
    install: (file, name) => models.add(file, name),
  });
  const personas = createPersonaStore(db);
  const host = createEngineHost({
    jobs: createJobStore(db),
    models,
    styleScores: async (texts) => {
      const persona = await personas.latest();
      return texts.map((text) => (persona && persona.style.samples > 0 ? styleMatch(persona.style, text).score : null));
    },
    preflight: () => runPreflight(),
    prepareCpuModel: createCpuModelPreparer(models),
    loadCpuEngine: async (model, { threads }) => {
      const n = cpuThreads({ hardwareConcurrency: navigator.hardwareConcurrency, crossOriginIsolated: globalThis.crossOriginIsolated === true }, threads);
      return { ...(await loadWllamaEngine({ modelId: model.id, blob: model.blob, threads: n })), threads: n };
    },
    choice: createEngineChoiceStore(localStorage),
    // WebLLM is imported only when a GPU model is chosen: most devices here never need it.
    loadGpuEngine: async ({ modelId, custom, downloadBytes }, onProgress) =>
      loadWebLlmEngine({
        module: (await import('@mlc-ai/web-llm')) as unknown as WebLlmModule,
        modelId,
        ...(custom ? { custom } : {}),
        ...(f32VariantOf(modelId) ? { f32ModelId: f32VariantOf(modelId)! } : {}),
        ...(downloadBytes ? { downloadBytes } : {}),
        onProgress,
        pins: buildLibPins(),
      }),
  });
  const fidelity = createFidelityRunner({ host, reports: createReportStore(db), modelBytes: async () => (await models.selected())?.size });
  const rebuilder = createPersonaRebuilder(host, personas, async () => (await models.selected())?.size);
  // Unstreamed work has no requester port to close; it runs to the end in the queue.
  const untilDone = new AbortController().signal;
  const handlers: Handlers<EngineHostMethods> = {
    'host.status': async () => ok(await host.status()),
    'host.loadModel': async ({ modelId, threads }) => ok(await host.loadModel(modelId, threads)),
    'host.loadGpuModel': async (choice) => ok(await host.loadGpuModel(choice)),
    'host.complete': async (request) => ok(await host.use((engine) => engine.generate(request, () => {}, untilDone))),
    'host.score': async (request) => ok(await host.use((engine) => engine.scoreOptions(request, untilDone))),
    'host.download.probe': async ({ url }) => ok({ totalBytes: await downloads.probe(url) }),
    'host.download.start': async ({ url, name }) => ok(await downloads.start(url, name)),
    'host.download.cancel': async ({ url }) => ok(await downloads.cancel(url).then(() => null)),
    'host.download.list': async () => ok(await downloads.list()),
    'host.fidelity.run': async ({ maxItems, rerank, judge }) => ok(await fidelity.start(maxItems, { rerank: rerank === true, judge: judge === true })),
    'host.personaRebuild': async () => ok({ started: rebuilder.start() }),
    'host.extract': async ({ html, maxChars }) => ok(extractFromHtml(String(html), Math.min(Number(maxChars) || 0, 400_000))),
  };
  serveGeneratePorts(host);
  return { host, handlers };
};
