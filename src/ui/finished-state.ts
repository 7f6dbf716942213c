import type { Job } from '../core/model/job';
import type { StreamState } from './use-job-stream';

/** A stored, finished job shown as a stream that has ended (the popup's last results, past interviews). */
export const finishedState = (job: Job): StreamState => ({ phase: 'done', jobId: job.id, text: job.output, tokens: job.tokens, job });
