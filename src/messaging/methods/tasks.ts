import * as v from 'valibot';
import type { Job, JobKind } from '../../core/model/job';
import type { ReactionKind } from '../../core/model/records';
import { id, nonNegativeInt, url, type MethodSchemas } from '../schemas';

export interface TaskMethods {
  /** The newest finished jobs about a page (the popup's "last results"), or of one kind. */
  'jobs.recent': (input: { url?: string; kind?: JobKind; limit?: number }) => Job[];
  /** Asks the content script in the job's tab and frame to put `text` into the field the user was in. Never submits. */
  'tasks.insert': (input: { jobId: string; text: string }) => { inserted: boolean };
  /** Content script: the user sent the field a draft was inserted into; its final text is feedback. */
  'tasks.feedback': (input: { jobId: string; text: string }) => { stored: boolean };
  /** What the user actually did with the page a reaction was predicted for: ground truth. */
  'reactions.record': (input: { jobId: string; kind: ReactionKind }) => { id: string };
}

/** Background → content script, over tabs.sendMessage. */
export type ContentCommand = { doppel: 'context' } | { doppel: 'insert'; jobId: string; text: string };

export interface TabContext {
  selection: string;
  /** The text around the focused field's form or thread is not read: only what the user selected. */
  hasField: boolean;
}

const reactionKind = v.picklist(['long-read', 'bounce', 'scroll', 'bookmark', 'reply', 'copy', 'like', 'upvote', 'share']);

export const taskSchemas: MethodSchemas<TaskMethods> = {
  'jobs.recent': v.object({ url: v.optional(url), kind: v.optional(v.picklist(['draft', 'react', 'interview', 'survey'])), limit: v.optional(nonNegativeInt) }),
  'tasks.insert': v.object({ jobId: id, text: v.string() }),
  'tasks.feedback': v.object({ jobId: id, text: v.string() }),
  'reactions.record': v.object({ jobId: id, kind: reactionKind }),
};
