import type { ChatMessage, GenerateRequest } from '../../engine/port';
import { DRAFT_STOPS, seedOf } from '../../prompting/draft-few-shot';
import { sentencesOf } from '../../prompting/draft-quality';
import { termsOf } from '../../tasks/terms';
import type { SourceRecord } from './sources';

/** The user's newest writings a small model describes, one prompt each. */
export const SMALL_CLAIM_RECORDS = 6;
/** Prompts per writing at most: the greedy one, then one sampled. */
export const SMALL_CLAIM_ATTEMPTS = 2;

/**
 * The share of a claim's content words its record must contain. A small model cannot judge
 * (docs/small-models.md: SmolLM2 scored faithful and invented claims alike), so what it says about
 * a record is kept only when it stays in that record's words: the "nothing invented" bar, measured.
 */
export const SMALL_FAITHFUL_SHARE = 0.8;

const RECORD_CHARS = 500;
const EXAMPLE = {
  text: 'I cycle to work every day, even in the rain. Cars should give us more room.',
  claim: 'The user cycles to work every day, even in the rain, and says cars should give cyclists more room.',
};
// "What did the user do or say" keeps SmolLM2 near the record; "what does this show about the user"
// drew interpretations ("is happy to have a relaxing moment") that the record does not state.
const ask = (text: string) => `The user wrote:\n"${text}"\n\nIn one sentence, what did the user do or say?`;

/**
 * One worked example, then the record: a 135M model follows a shown answer, not a described one.
 * Attempt 0 is greedy; a later attempt samples (seeded), for a record the greedy answer strayed from.
 */
export const smallClaimRequest = (record: SourceRecord, attempt = 0): GenerateRequest => {
  const messages: ChatMessage[] = [
    { role: 'system', content: 'You describe a person from what they wrote.' },
    { role: 'user', content: ask(EXAMPLE.text) },
    { role: 'assistant', content: EXAMPLE.claim },
    { role: 'user', content: ask(record.text.slice(0, RECORD_CHARS).replace(/\s+/g, ' ').trim()) },
  ];
  return { messages, maxTokens: 60, temperature: attempt === 0 ? 0 : 0.3, repeatPenalty: 1.1, seed: seedOf(messages) + attempt, stop: [...DRAFT_STOPS, '\n'] };
};

const ABOUT = new Set(['user', 'users']);

/** The share of the claim's content words (bar "the user") that its record contains. */
export const faithfulShare = (claim: string, record: string): number => {
  const own = [...termsOf(claim)].filter((t) => !ABOUT.has(t));
  if (own.length === 0) return 0;
  const source = termsOf(record);
  return own.filter((t) => source.has(t)).length / own.length;
};

/** The model's first sentence, when it is about the user and stays in the record's words; else null. */
export const smallClaimOf = (output: string, record: SourceRecord): { text: string; share: number } | null => {
  const first = sentencesOf(output.trim())[0]?.trim() ?? '';
  if (!/^The user\b/.test(first) || first.length > 300) return null;
  if ([...termsOf(first)].filter((t) => !ABOUT.has(t)).length < 3) return null;
  const share = faithfulShare(first, record.text);
  return share >= SMALL_FAITHFUL_SHARE ? { text: first, share } : null;
};
