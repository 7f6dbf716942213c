import { useCallback, useEffect, useState } from 'preact/hooks';

export interface Loaded<T> {
  value: T | null;
  error: string | null;
  reload: () => void;
}

/** Runs `load` on mount and on `reload()`, keeping the last value and a user-facing error sentence. */
export const useLoaded = <T,>(load: () => Promise<T>, deps: unknown[] = []): Loaded<T> => {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    load().then(
      (next) => live && (setValue(next), setError(null)),
      (failure: unknown) => live && setError(failure instanceof Error ? failure.message : String(failure)),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tick, ...deps]);
  return { value, error, reload: useCallback(() => setTick((t) => t + 1), []) };
};
