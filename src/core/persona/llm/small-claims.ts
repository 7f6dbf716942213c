import type { ChatMessage, GenerateRequest } from '../../engine/port';
import { DRAFT_STOPS, seedOf } from '../../prompting/draft-few-shot';
import { sentencesOf } from '../../prompting/draft-quality';
import { stem, termsOf } from '../../tasks/terms';
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

// Where a sentence's later clauses start: a small model adds its gloss there ("…, which they truly
// love"), after a first clause that said what the record says.
const CLAUSE_START = /,\s+(?:and|but|which|who|while|so|as|because)\b|,?\s+and\s+(?:they|their|them|is|are)\b|[;:]|\s[—–-]\s/g;
// Words that may stand before the user's own verb in their first-person writing.
const OWN_SUBJECT = new Set(['i', 'we', 'and', 'then', 'also', 'just', 'still', 'really', 'always', 'never', 'often', 'finally', 'now']);

/**
 * Whether the record has the claim's verb phrase with someone else as its subject: "The user raised
 * the mooring fees" from "The club raised the mooring fees" uses the record's words and is false.
 */
export const saysSomeoneElse = (claim: string, record: string): boolean => {
  const [verb, next] = wordsOf(claim.replace(/^The user\s+/, ''));
  if (!verb || !next || verb === '.' || next === '.') return false;
  const words = wordsOf(record);
  return words.some((word, i) => {
    const before = words[i - 1];
    return i > 0 && stem(word) === stem(verb) && words[i + 1] === next && before !== '.' && !OWN_SUBJECT.has(before!);
  });
};

// Lower-case words, with each sentence end as '.'.
const wordsOf = (text: string): string[] => (text.toLowerCase().match(/\p{L}[\p{L}'’]*|[.!?]/gu) ?? []).map((w) => (/[.!?]/.test(w) ? '.' : w));

/** The sentence, then each shorter run of its leading clauses, as a sentence of its own. */
const withLeadingClauses = (sentence: string): string[] => {
  const cuts = [...sentence.matchAll(CLAUSE_START)].map((m) => m.index);
  return [sentence, ...cuts.reverse().map((at) => `${sentence.slice(0, at).trim()}.`)];
};

const keepable = (text: string, record: SourceRecord): { text: string; share: number } | null => {
  if ([...termsOf(text)].filter((t) => !ABOUT.has(t)).length < 3 || saysSomeoneElse(text, record.text)) return null;
  const share = faithfulShare(text, record.text);
  return share >= SMALL_FAITHFUL_SHARE ? { text, share } : null;
};

/**
 * The model's first sentence, when it is about the user and stays in the record's words; else its
 * longest run of leading clauses that does (the gloss after them dropped); else null.
 */
export const smallClaimOf = (output: string, record: SourceRecord): { text: string; share: number } | null => {
  const first = sentencesOf(output.trim())[0]?.trim() ?? '';
  if (!/^The user\b/.test(first) || first.length > 300) return null;
  for (const candidate of withLeadingClauses(first)) {
    const kept = keepable(candidate, record);
    if (kept) return kept;
  }
  return null;
};
