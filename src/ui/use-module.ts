import { useEffect, useState } from 'preact/hooks';

const loaded = new WeakMap<() => Promise<unknown>, Promise<unknown>>();

/**
 * A module loaded on demand, once `wanted` turns true: code a surface needs only after a click (or
 * once something is there to show) stays off its critical path. Null until it has arrived.
 */
export const useModule = <M,>(load: () => Promise<M>, wanted: boolean): M | null => {
  const [module, setModule] = useState<M | null>(null);
  useEffect(() => {
    if (!wanted || module) return;
    let live = true;
    if (!loaded.has(load)) loaded.set(load, load());
    void (loaded.get(load) as Promise<M>).then((m) => live && setModule(() => m));
    return () => {
      live = false;
    };
  }, [wanted, module, load]);
  return module;
};
