import { tidyDraft } from './draft-quality';
import { DONT_KNOW } from './interview';
import { citedIds, extractJsonObject, stringField, type Parsed } from './parse-json';

export interface ReactionText {
  thought: string;
  comment: string;
  /** Ids the model cited that resolve to records in its prompt. */
  cited: string[];
}

export const parseReaction = (output: string, allowed: ReadonlySet<string>): Parsed<ReactionText> => {
  const object = extractJsonObject(output);
  if (!object.ok) return object;
  const thought = stringField(object.value, 'thought');
  if (!thought.ok) return thought;
  const comment = stringField(object.value, 'comment');
  if (!comment.ok) return comment;
  if (!thought.value && !comment.value) return { ok: false, error: { code: 'empty', message: 'The model predicted neither a thought nor a comment. Try again.' } };
  return { ok: true, value: { thought: thought.value, comment: comment.value, cited: citedIds(object.value, 'evidence', allowed) } };
};

export interface InterviewText {
  known: boolean;
  answer: string;
  cited: string[];
}

/**
 * The guard is enforced here, not trusted to the model: an answer that cites no record from its
 * prompt, or that the model itself marks unknown, becomes "I don't know".
 */
export const parseInterview = (output: string, allowed: ReadonlySet<string>): Parsed<InterviewText> => {
  const object = extractJsonObject(output);
  if (!object.ok) return object;
  const answer = stringField(object.value, 'answer');
  if (!answer.ok) return answer;
  const cited = citedIds(object.value, 'evidence', allowed);
  const known = object.value.known !== false && cited.length > 0 && answer.value.length > 0;
  return { ok: true, value: known ? { known, answer: answer.value, cited } : { known: false, answer: DONT_KNOW, cited: [] } };
};

/** Free-text drafts: drops a "Reply:" preamble and wrapping quotes that small models add. */
export const cleanDraft = (output: string, post = ''): string =>
  tidyDraft(cleanPreamble(output.replace(TEMPLATE_LEFTOVER, '')), post);

/** A chat turn's start the model wrote as text: its reply ended before it. */
const TEMPLATE_LEFTOVER = /(?:<\||<im_|<｜|<\/s>|\[INST\])[\s\S]*$/;

const cleanPreamble = (output: string): string =>
  output
    .trim()
    .replace(/^(?:here is|here's)[^\n:]*:\s*/i, '')
    .replace(/^(?:reply|response|draft)\s*:\s*/i, '')
    // SmolLM2-135M, measured: "The writer (persona and measured style) wrote the following response on a web page:\n\"…\"".
    .replace(/^[^\n]{0,160}\b(?:wrote|writes|would write|responds?|replies|would reply)\b[^\n]{0,80}:\s*\n/i, '')
    .replace(/^"([\s\S]*)"$/, '$1')
    .trim();
