/** The share of the newest records held out by default, and the bounds the protocol allows (science.md §G). */
export const HELD_OUT_SHARE = 0.2;
export const MIN_SHARE = 0.1;
export const MAX_SHARE = 0.2;
/** Below this many held-out items a metric is "not enough data yet". */
export const MIN_HELD_OUT = 20;

export interface Split<T> {
  train: T[];
  heldOut: T[];
  /** Records at or after this time are held out (Infinity when nothing is). */
  cutoff: number;
}

/**
 * Holds out the newest ⌈share·n⌉ records (share clamped to 10–20%). They never feed the persona;
 * they are only used to evaluate it. Ties in time are broken by id so the split is deterministic.
 */
export const splitNewest = <T extends { id: string }>(records: readonly T[], at: (record: T) => number, share = HELD_OUT_SHARE): Split<T> => {
  const clamped = Math.min(MAX_SHARE, Math.max(MIN_SHARE, share));
  const sorted = [...records].sort((a, b) => at(a) - at(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const held = records.length ? Math.ceil(sorted.length * clamped) : 0;
  const train = sorted.slice(0, sorted.length - held);
  const heldOut = sorted.slice(sorted.length - held);
  return { train, heldOut, cutoff: heldOut.length ? at(heldOut[0]!) : Number.POSITIVE_INFINITY };
};
