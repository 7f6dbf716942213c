import type { ClaimKind } from '../types';

/** One synthesis task (HumanLLM `reddit_prompt.py`, adapted): what to write and its JSON shape. */
export interface SynthesisTask {
  id: 'persona' | 'profile' | 'style' | 'experiences' | 'stances';
  instruction: string;
  schema: object;
  maxTokens: number;
}

const RULES =
  'Use only what the records state or strongly imply. Never guess age, gender, ethnicity, nationality, religion or orientation unless the user states it; write "they". Keep negative experiences and opinions as they are. Refer to other people as PersonA, PersonB.';

const textSchema = (maxLength: number) => ({ type: 'object', properties: { text: { type: 'string', maxLength } }, required: ['text'], additionalProperties: false });

/** `{ items: [item, …] }`, at most six: the shape of every list the synthesis asks for. */
const listSchema = (item: object) => ({
  type: 'object',
  properties: { items: { type: 'array', maxItems: 6, items: item } },
  required: ['items'],
});

export const SYNTHESIS_TASKS: readonly SynthesisTask[] = [
  { id: 'persona', instruction: `Write a persona of the user in at most 100 words, in the third person. ${RULES}`, schema: textSchema(900), maxTokens: 200 },
  { id: 'profile', instruction: `Write a profile of the user in 100 to 400 words, in the third person, including salient events. ${RULES}`, schema: textSchema(3000), maxTokens: 600 },
  { id: 'style', instruction: `Describe how the user writes (tone, length, vocabulary, punctuation, greetings) in at most 80 words, from the texts the user wrote. ${RULES}`, schema: textSchema(700), maxTokens: 160 },
  {
    id: 'experiences',
    instruction: `List up to 6 experiences of the user, each from one record: when, where (site), the context, what the user did or said, and what they likely thought. ${RULES}`,
    schema: listSchema({
      type: 'object',
      properties: { source: { type: 'integer' }, context: { type: 'string' }, action: { type: 'string' }, thought: { type: 'string' } },
      required: ['source', 'context', 'action'],
    }),
    maxTokens: 500,
  },
  {
    id: 'stances',
    instruction: `List up to 6 stances (opinions) and values the user holds, each with the numbers of the records that show it, and whether the user said it outright (explicit) or it is inferred. ${RULES}`,
    schema: listSchema({
      type: 'object',
      properties: { text: { type: 'string' }, kind: { enum: ['stance', 'value'] }, sources: { type: 'array', items: { type: 'integer' } }, explicit: { type: 'boolean' } },
      required: ['text', 'kind', 'sources'],
    }),
    maxTokens: 400,
  },
];

/** HumanLLM's QC minimums (`generate_sft_data.py::check_quality`), 1–10 per dimension. */
export const QC_THRESHOLDS: Record<'persona' | 'profile' | 'style' | 'experience' | 'stance' | 'value', Record<string, number>> = {
  persona: { hallucination: 8, coverage: 7, conciseness: 8, relevance: 8, overall: 8 },
  profile: { hallucination: 8, coverage: 8, relevance: 9, fluency: 9, conciseness: 8, informativeness: 8, novelty: 8, overall: 8 },
  // Style, stances and values have no HumanLLM row: the spec's floor (science.md §G) applies.
  style: { hallucination: 8, overall: 8 },
  experience: { hallucination: 8, coverage: 8, informativeness: 8, novelty: 7, overall: 8 },
  stance: { hallucination: 8, overall: 8 },
  value: { hallucination: 8, overall: 8 },
};

export type JudgedKind = keyof typeof QC_THRESHOLDS & ClaimKind;
