import type { IDBPDatabase } from 'idb';
import type { Job } from '../../core/model/job';
import { newestFirst } from './newest';
import type { DoppelDb } from './schema';

export const createJobStore = (db: () => Promise<IDBPDatabase<DoppelDb>>) => ({
  async put(job: Job): Promise<void> {
    await (await db()).put('jobs', job);
  },
  async get(id: string): Promise<Job | undefined> {
    return (await db()).get('jobs', id);
  },
  /** Newest first, optionally only those matching `keep` (the popup's last results for a page). */
  recent: async (limit: number, keep?: (job: Job) => boolean): Promise<Job[]> => newestFirst(await db(), 'jobs', 'byUpdatedAt', limit, keep),
  /** Applies `change` to the stored job inside one transaction, so concurrent writers don't lose updates. */
  async update(id: string, change: (job: Job) => Job): Promise<Job | undefined> {
    const tx = (await db()).transaction('jobs', 'readwrite');
    const job = await tx.store.get(id);
    if (!job) return undefined;
    const next = { ...change(job), updatedAt: Date.now() };
    await tx.store.put(next);
    await tx.done;
    return next;
  },
  /** Jobs left 'running' by an engine host that died (browser crash, offscreen document closed). */
  async running(): Promise<Job[]> {
    return (await (await db()).getAll('jobs')).filter((job) => job.status === 'running');
  },
});

export type JobStore = ReturnType<typeof createJobStore>;
