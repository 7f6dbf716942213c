import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runInNewContext } from 'node:vm';
import type { Plugin } from 'vite';

/**
 * wllama composes its worker as a string at run time and starts it from a `blob:` URL. Firefox's
 * extension CSP refuses `blob:` workers, so the CPU engine never loaded there. This plugin ships the
 * same worker as a packaged file (allowed as 'self', in Chrome too) and points wllama at it; the few
 * run-time options wllama bakes into the string travel in the worker's `name` instead. (wllama's
 * other blob worker, the OPFS cache, is never used: Doppel hands it model blobs from IndexedDB.)
 */
export const WLLAMA_WORKER_FILE = 'wllama-worker.js';

const WLLAMA_WORKER_TS = /@wllama[\\/]wllama[\\/]src[\\/]worker\.ts$/;
const CREATE_CALL = 'this.worker = createWorker(completeCode);';
// Multi-threading (never used by Doppel: no cross-origin isolation) and custom worker code keep wllama's path.
const PACKAGED_CALL =
  'this.worker = !this.resources.jsPath && !this.resources.compat && this.nbThread === 0' +
  ` ? new Worker("/${WLLAMA_WORKER_FILE}", { type: "module", name: JSON.stringify({ ...runOptions, noWebGPU: !!this.resources.noWebGPU }) })` +
  ' : createWorker(completeCode);';

const NO_GPU = 'try{Object.defineProperty(WorkerNavigator.prototype,"gpu",{get:()=>({requestAdapter:async()=>null})});}catch(e){}';

/** The same pieces, in the same order, as wllama's `moduleInit()`. */
const workerSource = (workerTs: string, generatedTs: string): string => {
  const jspiStub = /const JSPI_STUB = `([\s\S]*?)`;/.exec(workerTs)?.[1];
  const generated = runInNewContext(`${generatedTs.replace(/^export const /gm, 'var ')}\n;({ LLAMA_CPP_WORKER_CODE, WLLAMA_EMSCRIPTEN_CODE })`) as Record<string, string>;
  if (!jspiStub || !generated.LLAMA_CPP_WORKER_CODE || !generated.WLLAMA_EMSCRIPTEN_CODE) throw new Error('@wllama/wllama changed: worker code not found');
  return [
    'const RUN_OPTIONS = JSON.parse(self.name)',
    `if (RUN_OPTIONS.noWebGPU) { ${NO_GPU} }`,
    `function wModuleInit() { ${(jspiStub + generated.WLLAMA_EMSCRIPTEN_CODE).replace('var Module', 'var ___Module')}; return Module; }`,
    generated.LLAMA_CPP_WORKER_CODE,
  ].join(';\n\n');
};

export const wllamaWorkerFile = (): Plugin => {
  let worker: string | null = null;
  return {
    name: 'doppel-wllama-worker',
    transform(code, id) {
      if (!WLLAMA_WORKER_TS.test(id)) return null;
      if (!code.includes(CREATE_CALL)) this.error(`@wllama/wllama changed: "${CREATE_CALL}" not found`);
      worker = workerSource(code, readFileSync(join(dirname(id), 'workers-code/generated.ts'), 'utf8'));
      return { code: code.replace(CREATE_CALL, PACKAGED_CALL), map: null };
    },
    generateBundle() {
      if (worker) this.emitFile({ type: 'asset', fileName: WLLAMA_WORKER_FILE, source: worker });
    },
  };
};
