export interface RetentionItem {
  id: string;
  store: 'pages' | 'writings' | 'reactions';
  /** Last time the record was touched (epoch ms). */
  at: number;
  /** Approximate stored size in bytes. */
  bytes: number;
}

export interface RetentionPolicy {
  /** 0 keeps records forever. */
  maxAgeDays: number;
  /** 0 means no size limit. */
  maxBytes: number;
}

const DAY = 86_400_000;

/**
 * Which records to delete: everything older than the age limit, then the oldest of the rest until
 * the total fits the size limit.
 */
export const planRetention = (items: readonly RetentionItem[], policy: RetentionPolicy, now: number): RetentionItem[] => {
  const cutoff = policy.maxAgeDays > 0 ? now - policy.maxAgeDays * DAY : -Infinity;
  const doomed = items.filter((i) => i.at < cutoff);
  if (policy.maxBytes <= 0) return doomed;
  const kept = items.filter((i) => i.at >= cutoff).sort((a, b) => a.at - b.at);
  let total = kept.reduce((sum, i) => sum + i.bytes, 0);
  for (const item of kept) {
    if (total <= policy.maxBytes) break;
    doomed.push(item);
    total -= item.bytes;
  }
  return doomed;
};

/**
 * The same decision made walking records oldest first, so the caller reads only the records that
 * go (and the one after them): given the stores' total bytes, answers for each next-oldest record
 * whether it goes. The first `false` ends the walk: every later record is younger than the cutoff
 * and the rest already fits.
 */
export const retentionWalk = (policy: RetentionPolicy, now: number, totalBytes: number) => {
  const cutoff = policy.maxAgeDays > 0 ? now - policy.maxAgeDays * DAY : -Infinity;
  let total = totalBytes;
  return (item: { at: number; bytes: number }): boolean => {
    if (!(item.at < cutoff) && (policy.maxBytes <= 0 || total <= policy.maxBytes)) return false;
    total -= item.bytes;
    return true;
  };
};

/** Bytes a record takes, roughly: its JSON as UTF-16. */
export const approxBytes = (record: unknown): number => JSON.stringify(record).length * 2;
