import { STOPWORDS } from './stopwords';

/** A record the answer may rest on: its id and the text the prompt showed. */
export interface AnswerSource {
  id: string;
  text: string;
}

const SAYS_DONT_KNOW = /\b(?:i\s+do(?:n[’']?t| not)\s+know|no idea|not sure|can[’']?t say|cannot say|doesn[’']?t say|do(?:n[’']?t| not) (?:say|mention))\b/i;

/** Content words, crudely stemmed (first five letters), so "beginners" meets "beginner". */
const termsOf = (text: string): Set<string> =>
  new Set((text.toLowerCase().match(/\p{L}[\p{L}'’]{2,}/gu) ?? []).filter((w) => !STOPWORDS.has(w)).map((w) => w.slice(0, 5)));

/** Share of the answer's own terms (those not taken from the question) a record also holds. */
const MIN_SUPPORT = 0.25;
const MIN_SHARED = 2;
const MAX_CITED = 3;

/**
 * Which records a free-text answer rests on, decided without the model: a small model cannot cite
 * ids or judge what it knows (measured on SmolLM2: it filled the evidence list with its own answer and
 * said "known" to everything), so the answer counts as known only when the words it adds to the
 * question come from the records. An answer made up from nothing shares no such words and becomes
 * "I don't know" (Character-LLM's guard, checked after the fact).
 */
export const attributeAnswer = (answer: string, question: string, sources: AnswerSource[]): { known: boolean; cited: string[] } => {
  if (!answer.trim() || SAYS_DONT_KNOW.test(answer)) return { known: false, cited: [] };
  const asked = termsOf(question);
  const own = [...termsOf(answer)].filter((t) => !asked.has(t));
  if (own.length === 0) return { known: false, cited: [] };
  const support = sources
    .map((source) => {
      const terms = termsOf(source.text);
      const shared = own.filter((t) => terms.has(t)).length;
      return { id: source.id, shared, share: shared / own.length };
    })
    .filter((s) => s.shared >= MIN_SHARED && s.share >= MIN_SUPPORT)
    .sort((a, b) => b.share - a.share);
  const cited = support.slice(0, MAX_CITED).map((s) => s.id);
  return { known: cited.length > 0, cited };
};
