import type { ChatMessage } from '../engine/port';
import type { PersonaDoc } from '../persona/types';
import type { Evidence } from '../tasks/evidence';
import type { BuiltPrompt } from './draft-reply';
import { clip } from './fence';
import { describePersona } from './persona-block';
import { assemblePrompt, evidenceBlock, packContext } from './task-prompt';

export interface PredictReactionInput {
  title: string;
  site: string;
  text: string;
  persona?: PersonaDoc;
  /** Records most related to the content, best first. */
  evidence: Evidence[];
  budget?: number;
  /** A small model (tokens.ts isSmallModel): a shorter cut of the page. */
  small?: boolean;
}

/**
 * The fixed option sets every reaction prediction scores (issue 6). One word each: an option's score
 * is the sum of its tokens' log-probs, so a two-word option ("read closely") loses to one-word ones
 * for its length alone.
 */
export const REACTION_SETS = [
  { key: 'attention', question: 'Would I read this closely (read), skim it (skim), or leave (leave)?', options: ['read', 'skim', 'leave'] },
  { key: 'stance', question: 'Would I agree with it, disagree, or feel mixed?', options: ['agree', 'disagree', 'mixed'] },
  { key: 'action', question: 'Would I reply to it, share it, or save it?', options: ['reply', 'share', 'save'] },
] as const;

export type ReactionSetKey = (typeof REACTION_SETS)[number]['key'];

/** What the JSON step must produce (grammar-constrained where the engine can). */
export const REACTION_SCHEMA = {
  type: 'object',
  properties: {
    thought: { type: 'string', maxLength: 400 },
    comment: { type: 'string', maxLength: 600 },
    evidence: { type: 'array', items: { type: 'string' }, maxItems: 8 },
  },
  required: ['thought', 'comment', 'evidence'],
  additionalProperties: false,
} as const;

/**
 * For a small model: shorter strings, so the whole object fits the token limit (measured on SmolLM2,
 * a 400-character thought ran to the limit and left the JSON unclosed) and takes less time.
 */
export const SMALL_REACTION_SCHEMA = {
  ...REACTION_SCHEMA,
  properties: { ...REACTION_SCHEMA.properties, thought: { type: 'string', maxLength: 160 }, comment: { type: 'string', maxLength: 200 }, evidence: { type: 'array', items: { type: 'string' }, maxItems: 3 } },
} as const;

const PAGE_CHARS = 3000;
/** On a small CPU model each prompt token costs about as much as an output token (docs/engine.md). */
const SMALL_PAGE_CHARS = 1200;

export interface ReactionPrompt extends BuiltPrompt {
  /** One scoring conversation per option set: the answer is scored as the assistant's whole reply. */
  scoring: { key: ReactionSetKey; messages: ChatMessage[]; options: string[] }[];
}

export const buildPredictReactionPrompt = (input: PredictReactionInput): ReactionPrompt => {
  const packed = packContext(input.persona ? describePersona(input.persona) : '', input.evidence, input.budget);
  // Empty blocks are left out: on a small CPU model every prompt token delays the first output token.
  const blocks = [
    { label: 'About me', text: packed.persona },
    { label: 'Records of me, each led by its id', text: evidenceBlock(packed.evidence) },
    { label: `The content, “${clip(input.title, 200)}” on ${input.site}`, text: clip(input.text, input.small ? SMALL_PAGE_CHARS : PAGE_CHARS) },
  ];
  const known = packed.persona || packed.evidence.length ? '' : ' Nothing is known about me yet.';
  const role = 'You predict this user\'s reaction to content, in the first person.';
  // One task line for the thought and every option set, the question after the data: the four
  // prompts share everything before it, so a CPU engine prefills the page once, not four times.
  const task = `Predict my reaction to the content below.${known}`;
  const messages = assemblePrompt({
    role,
    task,
    blocks,
    question: 'What would I think on reading it, and what comment would I write?',
    lengthHint: 'One or two sentences each.',
    output: 'Output only JSON: {"thought": string, "comment": string, "evidence": [record ids]}.',
  });
  const scoring = REACTION_SETS.map((set) => ({
    key: set.key,
    options: [...set.options],
    messages: assemblePrompt({ role, task, blocks, question: `${set.question} Predict my answer.`, output: `Output only one of: ${set.options.join(', ')}.` }),
  }));
  return { messages, scoring, evidence: packed.evidence, contextTokens: packed.tokens };
};
