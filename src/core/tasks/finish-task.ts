import type { Job, ScoreOutcome } from '../model/job';
import { draftFlaw, tidyDraft } from '../prompting/draft-quality';
import { DONT_KNOW } from '../prompting/interview';
import { attributeAnswer } from './attribute-answer';
import { cleanDraft, parseInterview, parseReaction } from '../prompting/parse-task';
import { scaleOptions } from '../prompting/survey';
import { expectedValue, normalize } from './distribution';
import type { ScoredSet, TaskResult } from './task-result';
import { rankCandidates, rerankGain, type DraftCandidate } from './draft-candidates';

const firstError = (scores: ScoreOutcome[]) => scores.find((s) => !s.ok) as Extract<ScoreOutcome, { ok: false }> | undefined;

const scoredSets = (job: Job, scores: ScoreOutcome[]): ScoredSet[] =>
  scores.flatMap((score) => {
    const step = job.scoring?.find((s) => s.key === score.key);
    return score.ok && step ? [{ key: score.key, options: step.options, probabilities: normalize(score.value.probabilities), method: score.value.method }] : [];
  });

/**
 * The survey's one-sentence reason as the user can read it: a small model loops on a lead-in
 * ("The answer to the survey item is:" ×10, measured on SmolLM2), which says nothing, so it goes.
 */
export const surveyReason = (output: string): string => {
  const text = tidyDraft(output.trim());
  return text.replace(/(?:^|\n)[^\n]*:\s*$/, '').trim();
};

/** The texts a draft must not copy: the post it answers and the user's past writings the prompt showed. */
export const draftSources = (job: Job): { post: string; examples: string[] } => ({
  post: job.source?.text ?? '',
  examples: job.messages.filter((m) => m.role === 'assistant').map((m) => m.content),
});

const draftResult = (job: Job, output: string, written: DraftCandidate[]): TaskResult => {
  const sources = draftSources(job);
  if (written.length < 2) {
    const text = cleanDraft(output, sources.post);
    const flaw = draftFlaw(text, sources);
    return { kind: 'draft', text, ...(flaw ? { flaw } : {}) };
  }
  const cleaned = written.map((c) => {
    const text = cleanDraft(c.text, sources.post);
    const flaw = draftFlaw(text, sources);
    return { ...c, text, ...(flaw ? { flaw } : {}) };
  });
  const ranked = rankCandidates(cleaned);
  const shown = ranked[0]!;
  return { kind: 'draft', text: shown.text, candidates: ranked, rerankGain: rerankGain(cleaned[0]!, shown), ...(shown.flaw ? { flaw: shown.flaw } : {}) };
};

/**
 * Turns a finished generation and its scores into the job's structured result. Pure. A draft written
 * several times (`drafts`, in the order written, the first being `output`) shows its best style match.
 */
export const finishTask = (job: Job, output: string, scores: ScoreOutcome[], drafts: DraftCandidate[] = []): TaskResult => {
  const allowed = new Set((job.evidence ?? []).map((e) => e.id));
  const scoringError = firstError(scores)?.error;
  switch (job.kind) {
    case 'draft':
      return draftResult(job, output, drafts);
    case 'react': {
      const parsed = parseReaction(output, allowed);
      return {
        kind: 'react',
        sets: scoredSets(job, scores),
        ...(scoringError ? { scoringError } : {}),
        ...(parsed.ok ? { thought: parsed.value.thought, comment: parsed.value.comment, cited: parsed.value.cited } : { cited: [], parseError: parsed.error }),
      };
    }
    case 'interview': {
      if (job.answerSources) {
        const backed = attributeAnswer(cleanDraft(output), job.source?.question ?? '', job.answerSources.filter((s) => allowed.has(s.id)));
        return backed.known ? { kind: 'interview', ...backed } : { kind: 'interview', known: false, answer: DONT_KNOW, cited: [] };
      }
      const parsed = parseInterview(output, allowed);
      return parsed.ok ? { kind: 'interview', ...parsed.value } : { kind: 'interview', known: false, answer: '', cited: [], parseError: parsed.error };
    }
    case 'survey': {
      const options = job.source?.survey ? scaleOptions(job.source.survey.scale) : [];
      const [set] = scoredSets(job, scores);
      return {
        kind: 'survey',
        options,
        reason: surveyReason(output),
        ...(set ? { probabilities: set.probabilities, expected: expectedValue(set.probabilities, options.map((o) => o.value)) } : {}),
        ...(scoringError ? { scoringError } : {}),
      };
    }
  }
};
