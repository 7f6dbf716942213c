import { DoppelError, type ErrorCode } from '../../core/result';

/** Some engine calls hang forever instead of failing (wllama without 'wasm-unsafe-eval'): bound them. */
export const withTimeout = <T>(work: Promise<T>, ms: number, code: ErrorCode, message: string): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new DoppelError(code, message)), ms);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
