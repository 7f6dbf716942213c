import { sentencesOf } from '../prompting/draft-quality';
import { termsOf } from './terms';

/** A record the answer may rest on: its id and the text the prompt showed. */
export interface AnswerSource {
  id: string;
  text: string;
}

const SAYS_DONT_KNOW = /\b(?:i\s+do(?:n[’']?t| not)\s+know|no idea|not sure|can[’']?t say|cannot say|doesn[’']?t say|do(?:n[’']?t| not) (?:say|mention))\b/i;

/** A sentence rests on a record when this share of the words it adds to the question, and at least two, are in it. */
const MIN_SUPPORT = 0.4;
const MIN_SHARED = 2;
/** Words of the whole answer (beyond the question's) that the records hold, at least. */
const MIN_GROUNDED = 3;
const MAX_CITED = 3;

/**
 * Which sentences of a free-text answer the records back, and which records, decided without the
 * model: a small model cannot cite ids or judge what it knows (measured on SmolLM2: it filled the
 * evidence list with its own answer, and answered "What is my dinghy's name?" with a made-up one).
 * A sentence is kept when the words it adds to the question come from one record (the records are
 * those retrieved for the question); the answer is known when a sentence is kept, and it is those
 * sentences. An answer
 * made up from nothing keeps none and becomes "I don't know" (Character-LLM's guard, after the fact).
 */
export const attributeAnswer = (answer: string, question: string, sources: AnswerSource[]): { known: boolean; answer: string; cited: string[] } => {
  const none = { known: false, answer: '', cited: [] };
  if (!answer.trim() || SAYS_DONT_KNOW.test(answer)) return none;
  const asked = termsOf(question);
  const records = sources.map((source) => ({ id: source.id, terms: termsOf(source.text) }));
  const kept: string[] = [];
  const support = new Map<string, number>();
  for (const sentence of sentencesOf(answer)) {
    const own = [...termsOf(sentence)].filter((t) => !asked.has(t));
    let best: { id: string; share: number } | undefined;
    for (const record of records) {
      const shared = own.filter((t) => record.terms.has(t)).length;
      const share = own.length ? shared / own.length : 0;
      if (shared >= MIN_SHARED && share >= MIN_SUPPORT && (!best || share > best.share)) best = { id: record.id, share };
    }
    if (!best) continue;
    kept.push(sentence.trim());
    support.set(best.id, Math.max(support.get(best.id) ?? 0, best.share));
  }
  // The answer as a whole must come from the records: a made-up answer with one borrowed sentence
  // (measured: "The sail is a beautiful blue… It's a great choice for beginners…") does not.
  const all = [...termsOf(answer)].filter((t) => !asked.has(t));
  const union = new Set(records.flatMap((r) => [...r.terms]));
  const grounded = all.filter((t) => union.has(t)).length;
  if (kept.length === 0 || grounded < MIN_GROUNDED || grounded < all.length * MIN_SUPPORT) return none;
  const cited = [...support.entries()].sort((a, b) => b[1] - a[1]).slice(0, MAX_CITED).map(([id]) => id);
  return { known: true, answer: kept.join(' '), cited };
};
