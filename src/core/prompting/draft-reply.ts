import type { ChatMessage } from '../engine/port';
import type { PersonaDoc, StyleCard } from '../persona/types';
import type { Evidence } from '../tasks/evidence';
import { clip } from './fence';
import { describePersona, describeStyle, typicalWords } from './persona-block';
import { buildFewShotDraft, DRAFT_STOPS, seedOf, SMALL_DRAFT_SAMPLING } from './draft-few-shot';
import { assemblePrompt, evidenceBlock, packContext } from './task-prompt';
import { SMALL_CONTEXT_BUDGET } from './tokens';

export type DraftAdjust = 'shorter' | 'longer' | 'formal' | 'casual';

export interface DraftReplyInput {
  /** The text the user is replying to (a selection, the field's surroundings, or the page). */
  context: string;
  site: string;
  persona?: PersonaDoc;
  /** The user's past writings most similar in site and topic, best first (3–5 are used). */
  pastWritings: Evidence[];
  /** A change asked for from the panel, applied to `previous`. */
  adjust?: DraftAdjust;
  previous?: string;
  /** Persona + evidence tokens the prompt may hold (tokens.ts contextBudgetFor). */
  budget?: number;
  /** A small model (tokens.ts isSmallModel): the few-shot conversation shape, draft-few-shot.ts. */
  small?: boolean;
  /** The style card to go by when there is no persona document (the fidelity run's persona arm). */
  style?: StyleCard;
}

/** Sampling a draft asks the engine for, beside the prompt. */
export interface DraftSampling {
  temperature?: number;
  repeatPenalty?: number;
  stop?: string[];
  seed?: number;
}

export interface BuiltPrompt {
  messages: ChatMessage[];
  /** The records the prompt was built from. */
  evidence: Evidence[];
  /** Persona + evidence, by the documented estimate. */
  contextTokens: number;
}

const CONTEXT_CHARS = 4000;
export const MAX_EXAMPLES = 5;

const ADJUST: Record<DraftAdjust, { words: (n: number) => number; line: string }> = {
  shorter: { words: (n) => Math.max(5, Math.round(n / 2)), line: 'Make it shorter than the previous draft, keeping the point.' },
  longer: { words: (n) => Math.round(n * 1.8), line: 'Make it longer than the previous draft, adding detail the user would add.' },
  formal: { words: (n) => n, line: 'Make it more formal than the previous draft, still in the writer\'s voice.' },
  casual: { words: (n) => n, line: 'Make it more casual than the previous draft, still in the writer\'s voice.' },
};

/**
 * Tokens a draft may take: three times the asked length (the most a reply in the user's voice needs)
 * at about 1.4 tokens a word. Small models ramble to the limit; on a CPU every token is felt.
 */
export const draftMaxTokens = (words: number): number => Math.min(320, Math.max(48, Math.ceil(words * 3 * 1.4) + 16));

/** HumanLLM personalized_comment: persona + style + the user's past comments + another user's text → the user's comment. */
export const buildDraftReplyPrompt = (input: DraftReplyInput): BuiltPrompt & { maxTokens: number; sampling: DraftSampling } => {
  const writings = input.pastWritings.slice(0, MAX_EXAMPLES);
  if (input.small) {
    const style = input.persona?.style ?? input.style;
    const base = typicalWords(style, input.site, writings.map((w) => w.writing?.text ?? w.text));
    const words = input.adjust ? ADJUST[input.adjust].words(base) : base;
    const adjust = input.adjust && input.previous ? { line: ADJUST[input.adjust].line.replace("the writer's voice", 'your voice').replace('the user would add', 'you would add'), previous: input.previous } : undefined;
    const built = buildFewShotDraft({ post: input.context, site: input.site, examples: writings, ...(style ? { style } : {}), words, budget: input.budget ?? SMALL_CONTEXT_BUDGET, ...(adjust ? { adjust } : {}) });
    return { ...built, maxTokens: draftMaxTokens(words), sampling: { ...SMALL_DRAFT_SAMPLING, stop: DRAFT_STOPS, seed: seedOf(built.messages) } };
  }
  const persona = [input.persona ? describePersona(input.persona) : '', input.persona ? describeStyle(input.persona.style, input.site) : '']
    .filter(Boolean)
    .join('\n');
  const packed = packContext(persona, writings, input.budget);
  const base = typicalWords(input.persona?.style, input.site, writings.map((w) => w.text));
  const words = input.adjust ? ADJUST[input.adjust].words(base) : base;
  // Measured on SmolLM2-135M: "write the reply the user would post" made it write about the user
  // ("The user would respond to the text with: …"); "you are the person described below" made it
  // refuse as an assistant ("I'm not capable of responding in a narrative format"). A plain writing
  // task with the user's texts as examples of the style is what a small model follows.
  const messages = assemblePrompt({
    role: 'You write replies to messages, in the style of the example texts: their length, tone, vocabulary and punctuation.',
    task: `Write a reply to the message at the end, posted on ${input.site || 'a web page'}, as the writer of the example texts would.${input.adjust ? ` ${ADJUST[input.adjust].line}` : ''}`,
    blocks: [
      { label: 'The writer (persona and measured style)', text: packed.persona || 'No persona has been built yet: go by the example texts.' },
      { label: 'Example texts by the writer, most similar first', text: packed.evidence.length ? evidenceBlock(packed.evidence) : 'None yet.' },
      ...(input.previous && input.adjust ? [{ label: 'The previous draft', text: clip(input.previous, CONTEXT_CHARS) }] : []),
      { label: 'The message to reply to', text: clip(input.context, CONTEXT_CHARS) },
    ],
    lengthHint: `Write about ${words} words.`,
    output: 'Output only the reply itself: no preamble, no quotation marks, no word count, nothing about these instructions.',
  });
  return { messages, evidence: packed.evidence, contextTokens: packed.tokens, maxTokens: draftMaxTokens(words), sampling: { stop: DRAFT_STOPS } };
};
