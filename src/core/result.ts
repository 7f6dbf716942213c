/** Errors cross every boundary (messages, ports, storage) as data, never as thrown objects. */
export type ErrorCode =
  | 'bad_request'
  | 'forbidden'
  | 'not_found'
  | 'excluded'
  | 'no_model'
  | 'engine_unavailable'
  | 'engine_load_failed'
  | 'engine_timeout'
  | 'generation_failed'
  | 'aborted'
  | 'quota'
  | 'internal';

export interface AppError {
  code: ErrorCode;
  /** A sentence for the user that says what to do. */
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string): Result<never> => ({
  ok: false,
  error: { code, message },
});

export class DoppelError extends Error {
  override name = 'DoppelError';
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const toAppError = (error: unknown): AppError => {
  if (error instanceof DoppelError) return { code: error.code, message: error.message };
  // IndexedDB aborts the whole transaction when the disk or the browser's quota is full.
  if (typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'QuotaExceededError') {
    return { code: 'quota', message: 'There is no room left on this device for Doppel to store this. Free some disk space, or delete old records in Options → Data, then try again.' };
  }
  if (error instanceof Error && error.name === 'AbortError') {
    return { code: 'aborted', message: 'Stopped.' };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: `Something went wrong inside Doppel (${detail}). Try again.` };
};
