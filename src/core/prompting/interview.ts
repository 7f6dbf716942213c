import type { PersonaDoc } from '../persona/types';
import type { Evidence } from '../tasks/evidence';
import type { BuiltPrompt } from './draft-reply';
import type { ChatMessage } from '../engine/port';
import type { AnswerSource } from '../tasks/attribute-answer';
import { clip, defang } from './fence';
import { describePersona } from './persona-block';
import { assemblePrompt, evidenceBlock, packContext } from './task-prompt';

export interface InterviewInput {
  question: string;
  persona?: PersonaDoc;
  /** Records retrieved for the question, best first; only topical matches (no filler). */
  evidence: Evidence[];
  /** Earlier turns of this interview, oldest first. */
  history: { question: string; answer: string }[];
  budget?: number;
  /** A small model (tokens.ts isSmallModel): a plain answer, attributed afterwards (attribute-answer.ts). */
  small?: boolean;
}

export const INTERVIEW_SCHEMA = {
  type: 'object',
  properties: {
    known: { type: 'boolean' },
    answer: { type: 'string', maxLength: 800 },
    evidence: { type: 'array', items: { type: 'string' }, maxItems: 8 },
  },
  required: ['known', 'answer', 'evidence'],
  additionalProperties: false,
} as const;


/** The answer shown when neither the persona nor any record covers the question (Character-LLM's guard). */
export const DONT_KNOW = 'I don’t know. Nothing Doppel has seen of you says so, and I answer only from that.';

const QUESTION_CHARS = 600;
const TURNS = 3;

/**
 * Character-LLM's protective guard: the Doppel answers in the first person from the persona and the
 * records given, cites the ids it used, and says it does not know when they do not cover the question.
 */
export const buildInterviewPrompt = (input: InterviewInput): BuiltPrompt & { sources?: AnswerSource[] } => {
  if (input.small) return buildSmallInterviewPrompt(input);
  const packed = packContext(input.persona ? describePersona(input.persona) : '', input.evidence, input.budget);
  const turns = input.history.slice(-TURNS).map((t) => `Q: ${clip(t.question, QUESTION_CHARS)}\nA: ${clip(t.answer, QUESTION_CHARS)}`).join('\n\n');
  const messages = assemblePrompt({
    role: [
      'You are the user\'s Doppel: you answer questions about the user as the user, in the first person.',
      'You know only what the persona and the records below say. Do not guess, do not invent people, places, events or opinions.',
      'If they do not answer the question, set "known" to false and say you do not know.',
    ].join('\n'),
    task: 'Answer the interview question below as me, using only the persona and the records.',
    blocks: [
      { label: 'The user (persona)', text: packed.persona || 'No persona has been built yet.' },
      { label: 'Records of the user, each led by its id', text: packed.evidence.length ? evidenceBlock(packed.evidence) : 'None match this question.' },
      ...(turns ? [{ label: 'Earlier in this interview', text: turns }] : []),
      { label: 'The question', text: clip(input.question, QUESTION_CHARS) },
    ],
    lengthHint: 'Answer in at most three sentences.',
    output: 'Output only a JSON object: {"known": true or false, "answer": string, "evidence": [ids of the records above the answer rests on]}.',
  });
  return { messages, evidence: packed.evidence, contextTokens: packed.tokens };
};

/**
 * For a small model: the user's own words as its earlier turns ("What did you write?" → the text) and
 * the question last, asking for a plain answer. Measured on SmolLM2 (docs/small-models.md): this
 * shape gets answers in the user's words more often than the texts as a list; it cannot write ids or
 * judge what it knows, so `attributeAnswer` decides afterwards which records the answer rests on.
 */
const buildSmallInterviewPrompt = (input: InterviewInput): BuiltPrompt & { sources: AnswerSource[] } => {
  const said = input.evidence.map((e) => ({ ...e, text: e.writing?.text ?? e.text }));
  const packed = packContext('', said, input.budget);
  const system = 'Answer questions about yourself in the first person, with what you wrote before. If you never wrote about it, say: I don\'t know.';
  // Best match last, nearest the question.
  const turns = [...packed.evidence].reverse().flatMap((e): ChatMessage[] => [
    { role: 'user', content: 'What did you write?' },
    { role: 'assistant', content: defang(e.text.replace(/\s+/g, ' ')) },
  ]);
  const messages: ChatMessage[] = [{ role: 'system', content: system }, ...turns, { role: 'user', content: defang(clip(input.question, QUESTION_CHARS)) }];
  return { messages, evidence: input.evidence.filter((e) => packed.evidence.some((p) => p.id === e.id)), contextTokens: packed.tokens, sources: packed.evidence.map((e) => ({ id: e.id, text: e.text })) };
};
