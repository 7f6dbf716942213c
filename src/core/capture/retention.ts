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

/** Bytes a record takes, roughly: its JSON as UTF-16. */
export const approxBytes = (record: unknown): number => JSON.stringify(record).length * 2;
