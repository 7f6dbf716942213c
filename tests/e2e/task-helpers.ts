import type { Locator, Page } from 'playwright-core';
import type { Doppel } from './harness';
import { allRecords } from './helpers';

/** Writes records straight into one of Doppel's IndexedDB stores (test setup: history the user already has). */
export const putRecords = (doppel: Doppel, store: string, records: object[]): Promise<void> =>
  doppel.inWorker(
    ({ store, records }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('doppel');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(store, 'readwrite');
          for (const record of records) tx.objectStore(store).put(record);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { store, records },
  );

export interface StoredJob {
  id: string;
  kind: string;
  status: string;
  tokens: number;
  url?: string;
  output: string;
  evidence?: { id: string }[];
  source?: { text?: string };
  result?: {
    kind: string;
    sets?: { key: string; options: string[]; probabilities: number[] }[];
    scoringError?: { code: string; message: string };
    parseError?: { code: string };
    cited?: string[];
    probabilities?: number[];
    expected?: number;
    known?: boolean;
    answer?: string;
    text?: string;
  };
}

export const jobById = async (doppel: Doppel, jobId: string): Promise<StoredJob> => {
  const job = (await allRecords<StoredJob>(doppel, 'jobs')).find((j) => j.id === jobId);
  if (!job) throw new Error(`no job ${jobId}`);
  return job;
};

export const jobIdIn = async (page: Page | Locator): Promise<string> => {
  const id = await page.locator('[data-job-id]').first().getAttribute('data-job-id');
  if (!id) throw new Error('no job on the page');
  return id;
};

/** Evidence ids of a job that name no record the user can see (a page, a writing, a reaction, a persona claim). */
export const unresolvedEvidence = async (doppel: Doppel, job: StoredJob): Promise<string[]> => {
  const ids = new Set<string>();
  for (const store of ['pages', 'writings', 'reactions']) for (const r of await allRecords<{ id: string }>(doppel, store)) ids.add(r.id);
  for (const persona of await allRecords<{ claims?: { id: string }[] }>(doppel, 'personas')) for (const claim of persona.claims ?? []) ids.add(claim.id);
  return [...(job.evidence ?? []).map((e) => e.id), ...(job.result?.cited ?? [])].filter((id) => !ids.has(id));
};

export const ISSUE_4 = 'issue 4 (engine scoreOptions): the CPU engine rejects option scoring with engine_unavailable, so there are no probabilities to check yet';

export const sumsToOne = (p: number[]): boolean => Math.abs(p.reduce((a, b) => a + b, 0) - 1) < 1e-6 && p.every((x) => x >= 0 && x <= 1);

/** Past writings of the user, as capture would have stored them. */
/** A month ago: recent enough that the default 365-day retention sweep never takes them mid-test. */
const WRITTEN_AT = Date.now() - 30 * 86_400_000;

export const sailingWritings = (origin: string) =>
  [
    'Sailing my dinghy on the lake every evening is the best part of my week, honestly.',
    'For beginners I always say: pick a stable dinghy, learn to capsize on purpose, and wear a wetsuit.',
    'The new mooring fees are steep but the club is worth it for the sailing alone.',
    'Sourdough attempt number four. Still flat. Any tips welcome!',
  ].map((text, i) => ({ id: `writing-${i}`, url: `${origin}/thread/${i}`, site: '127.0.0.1', text, source: 'form', createdAt: WRITTEN_AT + i }));
