import type { Job, JobKind } from '../../core/model/job';
import type { PageRecord } from '../../core/model/records';
import { buildDraftReplyPrompt } from '../../core/prompting/draft-reply';
import { buildPredictReactionPrompt } from '../../core/prompting/predict-reaction';
import { DoppelError } from '../../core/result';

export interface JobContext {
  kind: JobKind;
  /** The captured page the job is about, if it was captured. */
  page?: PageRecord;
  url?: string;
  site: string;
  /** Selected or field text; takes the place of the page's text. */
  text?: string;
  recentTitles: string[];
  pastWritings: string[];
}

const MAX_TOKENS: Record<JobKind, number> = { draft: 320, react: 320 };

export const buildJob = (context: JobContext, now = Date.now()): Job => {
  const text = context.text?.trim() || context.page?.text || '';
  if (!text) {
    throw new DoppelError('not_found', 'Doppel has nothing to work from here: select some text, or open a page Doppel has captured.');
  }
  const messages =
    context.kind === 'draft'
      ? buildDraftReplyPrompt({ context: text, site: context.site, pastWritings: context.pastWritings })
      : buildPredictReactionPrompt({ title: context.page?.title ?? 'Selected text', site: context.site, text, recentTitles: context.recentTitles });
  const subject = context.text ? 'a selection' : `“${context.page?.title ?? context.site}”`;
  return {
    id: crypto.randomUUID(),
    kind: context.kind,
    status: 'queued',
    createdAt: now,
    updatedAt: now,
    title: context.kind === 'draft' ? `Reply to ${subject} on ${context.site}` : `Your reaction to ${subject} on ${context.site}`,
    ...(context.url ? { url: context.url } : {}),
    messages,
    maxTokens: MAX_TOKENS[context.kind],
    temperature: context.kind === 'draft' ? 0.7 : 0.3,
    output: '',
    tokens: 0,
  };
};
