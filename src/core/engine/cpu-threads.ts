/**
 * Threads for the CPU engine (wllama). Chosen from `npm run bench` (docs/engine.md): on a 2-core
 * machine 2 threads decode and prefill faster than 1 with SmolLM2-135M. More than one thread needs
 * SharedArrayBuffer, i.e. a cross-origin-isolated page (the manifest's COOP/COEP make the offscreen
 * document one); one core is always left to the browser on bigger machines.
 */
export const CPU_THREADS_DEFAULT = 2;

export const cpuThreads = (env: { hardwareConcurrency: number; crossOriginIsolated: boolean }, wanted = CPU_THREADS_DEFAULT): number => {
  if (!env.crossOriginIsolated) return 1;
  const cores = Math.max(1, Math.floor(env.hardwareConcurrency || 1));
  return Math.max(1, Math.min(wanted, cores));
};
