import type { EvidenceRef, Job, JobKind } from '../../core/model/job';
import { writtenByUser, type PageRecord, type ReactionRecord, type WritingRecord } from '../../core/model/records';
import type { PersonaDoc } from '../../core/persona/types';
import { buildDraftReplyPrompt, MAX_EXAMPLES } from '../../core/prompting/draft-reply';
import { buildInterviewPrompt, DONT_KNOW } from '../../core/prompting/interview';
import { buildPredictReactionPrompt, REACTION_SCHEMA, SMALL_REACTION_SCHEMA } from '../../core/prompting/predict-reaction';
import { buildSurveyPrompt, validScale } from '../../core/prompting/survey';
import { INTERVIEW_SCHEMA } from '../../core/prompting/interview';
import { DRAFT_STOPS, seedOf, SMALL_DRAFT_SAMPLING } from '../../core/prompting/draft-few-shot';
import { DoppelError } from '../../core/result';
import { claimEvidence, pageEvidence, reactionEvidence, writingEvidence, type Evidence } from '../../core/tasks/evidence';
import { retrieve } from '../../core/tasks/retrieve';
import type { TaskSource } from '../../core/tasks/task-result';

export interface JobContext {
  kind: JobKind;
  /** The captured page the job is about, if it was captured. */
  page?: PageRecord;
  url?: string;
  site: string;
  source: Omit<TaskSource, 'site'>;
  persona?: PersonaDoc;
  writings: WritingRecord[];
  pages: PageRecord[];
  reactions: ReactionRecord[];
  target?: Job['target'];
  /** Persona + evidence tokens, for the installed model (tokens.ts contextBudgetFor). */
  budget?: number;
  /** The installed model is a small one (tokens.ts isSmallModel). */
  small?: boolean;
}

const EVIDENCE = 24;
const MAX_TOKENS: Record<JobKind, number> = { draft: 320, react: 200, interview: 200, survey: 60 };
const TEMPERATURE: Record<JobKind, number> = { draft: 0.7, react: 0.3, interview: 0.2, survey: 0.2 };

/** A small model's plain interview answer: short, sampled as its drafts are (draft-few-shot.ts). */
const SMALL_ANSWER = { ...SMALL_DRAFT_SAMPLING, stop: DRAFT_STOPS, maxTokens: 80 };

const ref = ({ id, kind, site, label, url }: Evidence): EvidenceRef => ({ id, kind, site, label, ...(url ? { url } : {}) });

/** Everything Doppel knows that a task may cite: records, and persona claims when a persona exists. */
const allEvidence = (context: JobContext, exclude?: string): Evidence[] => {
  const titles = new Map(context.pages.map((p) => [p.url, p.title]));
  return [
    ...(context.persona?.claims.filter((c) => c.evidence.length > 0).map(claimEvidence) ?? []),
    ...context.writings.map(writingEvidence),
    ...context.pages.filter((p) => p.url !== exclude).map(pageEvidence),
    ...context.reactions.map((r) => reactionEvidence(r, titles.get(r.url))),
  ];
};

const subjectOf = (context: JobContext) => (context.source.text ? 'a selection' : `“${context.page?.title ?? context.site}”`);

/** Builds a task's job from what the background gathered. Throws a DoppelError with a sentence for the user. */
export const buildJob = (context: JobContext, now = Date.now()): Job => {
  const text = context.source.text?.trim() || context.page?.text || '';
  const base = {
    id: crypto.randomUUID(),
    kind: context.kind,
    status: 'queued' as const,
    createdAt: now,
    updatedAt: now,
    ...(context.url ? { url: context.url } : {}),
    ...(context.target ? { target: context.target } : {}),
    source: { ...context.source, site: context.site, ...(context.page ? { pageTitle: context.page.title } : {}) },
    maxTokens: MAX_TOKENS[context.kind],
    temperature: TEMPERATURE[context.kind],
    output: '',
    tokens: 0,
  };
  switch (context.kind) {
    case 'draft': {
      if (!text) throw new DoppelError('not_found', 'Doppel has nothing to reply to here: select the text you are replying to, or open a page Doppel has captured.');
      const writings = retrieve(context.writings.filter(writtenByUser).map(writingEvidence), { text, site: context.site }, MAX_EXAMPLES);
      const built = buildDraftReplyPrompt({ context: text, site: context.site, persona: context.persona, pastWritings: writings, adjust: context.source.adjust, previous: context.source.previous, budget: context.budget, small: context.small });
      const how = context.source.adjust ? ` (${context.source.adjust === 'formal' || context.source.adjust === 'casual' ? `more ${context.source.adjust}` : context.source.adjust})` : '';
      return { ...base, ...built.sampling, maxTokens: built.maxTokens, title: `Reply to ${subjectOf(context)} on ${context.site}${how}`, messages: built.messages, evidence: built.evidence.map(ref), contextTokens: built.contextTokens, source: { ...base.source, text } };
    }
    case 'react': {
      if (!text) throw new DoppelError('not_found', 'Doppel has nothing to react to here: select some text, or open a page Doppel has captured.');
      const evidence = retrieve(allEvidence(context, context.url), { text, site: context.site }, EVIDENCE);
      const built = buildPredictReactionPrompt({ title: context.page?.title ?? 'Selected text', site: context.site, text, persona: context.persona, evidence, budget: context.budget, small: context.small });
      return {
        ...base,
        title: `Your reaction to ${subjectOf(context)} on ${context.site}`,
        messages: built.messages,
        jsonSchema: context.small ? SMALL_REACTION_SCHEMA : REACTION_SCHEMA,
        // The small schema's strings fit in this many tokens; every token costs on a CPU.
        ...(context.small ? { maxTokens: 128 } : {}),
        scoring: built.scoring,
        evidence: built.evidence.map(ref),
        contextTokens: built.contextTokens,
        source: { ...base.source, text },
      };
    }
    case 'interview': {
      const question = context.source.question?.trim();
      if (!question) throw new DoppelError('bad_request', 'Type a question for your Doppel first.');
      // Only records that match the question: anything else would be an invitation to make things up.
      const evidence = retrieve(allEvidence(context), { text: question }, EVIDENCE, { fill: false });
      const built = buildInterviewPrompt({ question, persona: context.persona, evidence, history: context.source.history ?? [], budget: context.budget, small: context.small });
      const answer = built.sources ? { answerSources: built.sources, ...SMALL_ANSWER, seed: seedOf(built.messages) } : { jsonSchema: INTERVIEW_SCHEMA };
      const job: Job = { ...base, title: `Interview: ${question.slice(0, 80)}`, messages: built.messages, ...answer, evidence: built.evidence.map(ref), contextTokens: built.contextTokens, source: { ...base.source, question } };
      if (built.evidence.length > 0 || context.persona?.summary) return job;
      // Nothing to answer from: the guard answers without the model.
      return { ...job, status: 'done', maxTokens: 0, output: DONT_KNOW, result: { kind: 'interview', known: false, answer: DONT_KNOW, cited: [] } };
    }
    case 'survey': {
      const item = context.source.survey;
      if (!item?.question.trim() || !validScale(item.scale)) throw new DoppelError('bad_request', 'Give the survey item a question and a scale (2–11 labels, or a number range of at most 21 steps).');
      const evidence = retrieve(allEvidence(context), { text: item.question }, EVIDENCE);
      const built = buildSurveyPrompt({ item, persona: context.persona, evidence, budget: context.budget });
      return {
        ...base,
        title: `Survey: ${item.question.slice(0, 80)}`,
        messages: built.messages,
        scoring: [built.scoring],
        evidence: built.evidence.map(ref),
        contextTokens: built.contextTokens,
      };
    }
  }
};
