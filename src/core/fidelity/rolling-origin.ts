/**
 * Rolling-origin (expanding-window) evaluation: each of the newest records is predicted from a
 * persona built only on the records before it, so a user with a few dozen writings is measured
 * on most of them instead of on a fixed 20% tail.
 */
/** Records every prediction learns from at least (the first origin). */
export const MIN_TRAIN = 10;
/** Below this many scored items a metric is "not enough data yet". */
export const MIN_ITEMS = 20;
/** At most this many of the newest records are scored (each costs a prediction per arm). */
export const MAX_ITEMS = 60;
/** With a model every item costs a generation per arm: the in-browser run scores fewer (still ≥ MIN_ITEMS). */
export const ENGINE_MAX_ITEMS = 30;

export interface Origin<T> {
  /** The record predicted. */
  record: T;
  /** Its position in time order: the records before it are all it may learn from. */
  index: number;
}

export interface RollingOrigin<T> {
  /** All records, oldest first; ties in time broken by id so the order is deterministic. */
  sorted: T[];
  origins: Origin<T>[];
}

export const inTimeOrder = <T extends { id: string }>(records: readonly T[], at: (record: T) => number): T[] =>
  [...records].sort((a, b) => at(a) - at(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/**
 * The newest `maxItems` records (among those `eligible`) that have at least `minTrain` records
 * before them, each with its own origin.
 */
export const rollingOrigin = <T extends { id: string }>(
  records: readonly T[],
  at: (record: T) => number,
  { minTrain = MIN_TRAIN, maxItems = MAX_ITEMS, eligible = () => true }: { minTrain?: number; maxItems?: number; eligible?: (record: T) => boolean } = {},
): RollingOrigin<T> => {
  const sorted = inTimeOrder(records, at);
  const origins: Origin<T>[] = [];
  for (let index = sorted.length - 1; index >= minTrain && origins.length < maxItems; index--) {
    if (eligible(sorted[index]!)) origins.push({ record: sorted[index]!, index });
  }
  return { sorted, origins: origins.reverse() };
};

/** How many more records a user needs before `minItems` can be scored (0 when there are enough). */
export const moreNeeded = (available: number, { minTrain = MIN_TRAIN, minItems = MIN_ITEMS } = {}): number => Math.max(0, minTrain + minItems - available);
