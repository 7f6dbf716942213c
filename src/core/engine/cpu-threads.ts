/**
 * Threads for the CPU engine (wllama). More than one needs SharedArrayBuffer, i.e. a
 * cross-origin-isolated page: the manifest's COOP/COEP make the offscreen document one, so 2 threads
 * can run there. The default stays 1 until `npm run bench` (bench/speed.bench.ts) has measured 2
 * threads against 1 on an unshared machine (docs/engine.md, "Speed"): on this project's shared 2-core
 * machines a second thread competes with the browser and with everything else running.
 */
export const CPU_THREADS_DEFAULT = 1;

export const cpuThreads = (env: { hardwareConcurrency: number; crossOriginIsolated: boolean }, wanted = CPU_THREADS_DEFAULT): number => {
  if (!env.crossOriginIsolated) return 1;
  const cores = Math.max(1, Math.floor(env.hardwareConcurrency || 1));
  return Math.max(1, Math.min(wanted, cores));
};
