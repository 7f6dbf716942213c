import * as v from 'valibot';
import type { Job, JobKind } from '../../core/model/job';
import type { DraftAdjust } from '../../core/prompting/draft-reply';
import type { SurveyItem } from '../../core/prompting/survey';
import { count, id, type MethodSchemas } from '../schemas';

export interface CreateJobInput {
  kind: JobKind;
  /** The tab the job is about; its captured page is the context when `text` is absent. */
  tabId?: number;
  /** The frame the action started in (a context-menu click): a draft is inserted there. */
  frameId?: number;
  /** Selected or field text the job is about. */
  text?: string;
  /** Ask the tab's content script for the selection and the field the user was in (shortcut, popup). */
  fromTab?: boolean;
  /** Interview: the question, and the earlier turns of this interview. */
  question?: string;
  history?: { question: string; answer: string }[];
  survey?: SurveyItem;
  /** Regenerate (no adjust) or adjust the draft of an earlier job. */
  from?: string;
  adjust?: DraftAdjust;
}

export interface JobMethods {
  'jobs.create': (input: CreateJobInput) => { jobId: string };
  'jobs.get': (input: { jobId: string }) => Job | null;
}

const tabId = v.pipe(v.number(), v.safeInteger());
const surveyScale = v.variant('kind', [
  v.object({ kind: v.literal('likert'), labels: v.pipe(v.array(v.string()), v.maxLength(50)) }),
  v.object({ kind: v.literal('numeric'), min: count, max: count, step: count }),
]);

export const jobSchemas: MethodSchemas<JobMethods> = {
  'jobs.create': v.object({
    kind: v.picklist(['draft', 'react', 'interview', 'survey']),
    tabId: v.optional(tabId),
    frameId: v.optional(tabId),
    text: v.optional(v.string()),
    fromTab: v.optional(v.boolean()),
    question: v.optional(v.string()),
    history: v.optional(v.array(v.object({ question: v.string(), answer: v.string() }))),
    survey: v.optional(v.object({ question: v.string(), scale: surveyScale })),
    from: v.optional(id),
    adjust: v.optional(v.picklist(['shorter', 'longer', 'formal', 'casual'])),
  }),
  'jobs.get': v.object({ jobId: id }),
};
