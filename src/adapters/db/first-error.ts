/**
 * Requests of one transaction that are not awaited one by one (so the transaction never waits on
 * the event loop between puts). When one fails, the transaction aborts and `tx.done` rejects with a
 * bare AbortError; `settle` reports the request's own error instead (a QuotaExceededError says
 * what the user can do about it), and no request's rejection is left unhandled.
 */
export const firstError = () => {
  let first: unknown;
  return {
    watch(request: Promise<unknown>): void {
      void request.catch((error: unknown) => {
        first ??= error;
      });
    },
    async settle(done: Promise<void>): Promise<void> {
      await done.catch((error: unknown) => {
        throw first ?? error;
      });
    },
  };
};
