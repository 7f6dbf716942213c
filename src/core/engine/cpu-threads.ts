/**
 * Threads for the CPU engine (wllama). More than one needs SharedArrayBuffer, i.e. a
 * cross-origin-isolated page: the manifest's COOP/COEP make the offscreen document one. Measured by
 * `npm run bench` (bench/speed.bench.ts, docs/engine.md "Speed") on SmolLM2-135M on a 2-core machine:
 * 2 threads decode 13.1 tok/s and prefill 16.8 tok/s against 6.9 and 7.7 on 1, and the first token
 * of a 1.8k-token draft prompt comes in 108 s instead of 236 s. So 2, capped at the core count.
 */
export const CPU_THREADS_DEFAULT = 2;

export const cpuThreads = (env: { hardwareConcurrency: number; crossOriginIsolated: boolean }, wanted = CPU_THREADS_DEFAULT): number => {
  if (!env.crossOriginIsolated) return 1;
  const cores = Math.max(1, Math.floor(env.hardwareConcurrency || 1));
  return Math.max(1, Math.min(wanted, cores));
};
