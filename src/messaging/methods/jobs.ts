import type { Job, JobKind } from '../../core/model/job';
import type { DraftAdjust } from '../../core/prompting/draft-reply';
import type { SurveyItem } from '../../core/prompting/survey';

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
