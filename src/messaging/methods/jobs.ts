import type { Job, JobKind } from '../../core/model/job';

export interface CreateJobInput {
  kind: JobKind;
  /** The tab the job is about; its captured page is the context when `text` is absent. */
  tabId?: number;
  /** Selected or field text the job is about. */
  text?: string;
}

export interface JobMethods {
  'jobs.create': (input: CreateJobInput) => { jobId: string };
  'jobs.get': (input: { jobId: string }) => Job | null;
}
