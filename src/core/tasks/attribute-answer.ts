import { sentencesOf } from '../prompting/draft-quality';
import { holdsAll, namesIn } from './holds-fact';
import { questionDemands, type Demand } from './question-demands';
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
/** A record is on the question's point when it is at least this close to it as the closest record. */
const ON_POINT = 0.75;
/** A record up to this long is quoted whole; a longer one by its sentence that answers. */
const QUOTE_CHARS = 300;

interface Rec {
  id: string;
  text: string;
  terms: Set<string>;
  relevance: number;
}

/**
 * Relevance of each record to the question: the question's words it holds, each weighted by how few
 * of the records hold it (so "beginners" counts for more than "sailing" when every record is about
 * sailing).
 */
const ranked = (question: string, sources: AnswerSource[]): Rec[] => {
  const asked = [...termsOf(question)];
  const records = sources.map((s) => ({ id: s.id, text: s.text.replace(/\s+/g, ' ').trim(), terms: termsOf(s.text), relevance: 0 }));
  for (const term of asked) {
    const holders = records.filter((r) => r.terms.has(term));
    for (const r of holders) r.relevance += Math.log(1 + records.length / holders.length);
  }
  return records.sort((a, b) => b.relevance - a.relevance);
};

/** The records that answer the question: on its point, and holding what it asks for (a name, a colour, a number…). */
const answering = (records: Rec[], demands: Demand[]): Rec[] => {
  const best = records[0]?.relevance ?? 0;
  return records.filter((r) => r.relevance > 0 && r.relevance >= best * ON_POINT && holdsAll(r.text, demands));
};

const NUMBER = /\d+(?:[.,]\d+)?|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|dozen)\b/gi;
/** Numbers and names a sentence states that its record does not: facts the model made up ("attempt number five" of four). */
const addsFacts = (sentence: string, record: string): boolean => {
  const plain = (text: string) => ` ${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
  const said = plain(record);
  return [...(sentence.match(NUMBER) ?? []), ...namesIn(sentence)].some((fact) => !said.includes(plain(fact)));
};

/** The user's own words that answer: the record, or its sentence that holds what was asked. */
const quote = (record: Rec, question: string, demands: Demand[]): string => {
  if (record.text.length <= QUOTE_CHARS) return record.text;
  const asked = termsOf(question);
  const score = (s: string) => Number(holdsAll(s, demands)) * 100 + [...termsOf(s)].filter((t) => asked.has(t)).length;
  return sentencesOf(record.text).map((s) => s.trim()).sort((a, b) => score(b) - score(a))[0]!.slice(0, QUOTE_CHARS);
};

/**
 * Which sentences of a free-text answer the records back, and which records, decided without the
 * model: a small model cannot cite ids or judge what it knows (measured on SmolLM2: it filled the
 * evidence list with its own answer, answered "What is my dinghy's name?" with a made-up one, and
 * copied a record on the question's topic whatever the question asked). Only records that answer the
 * question count: the closest to it, holding the kind of fact it asks for. A sentence is kept when
 * the words it adds to the question come from one of them and it states no number or name that
 * record lacks. When the model's answer keeps nothing but a record answers, the answer is the user's
 * own words from that record (measured: SmolLM2 gave generic advice however it was asked, while the
 * user's record said what they advise). When none answers, it is "I don't know" (Character-LLM's
 * guard, after the fact).
 */
export const attributeAnswer = (answer: string, question: string, sources: AnswerSource[]): { known: boolean; answer: string; cited: string[] } => {
  const none = { known: false, answer: '', cited: [] };
  const demands = questionDemands(question);
  const records = ranked(question, sources);
  const answers = answering(records, demands);
  if (answers.length === 0) return none;
  const fromRecord = { known: true, answer: quote(answers[0]!, question, demands), cited: [answers[0]!.id] };
  if (!answer.trim() || SAYS_DONT_KNOW.test(answer)) return fromRecord;
  const asked = termsOf(question);
  const kept: string[] = [];
  const support = new Map<string, number>();
  for (const sentence of sentencesOf(answer)) {
    const own = [...termsOf(sentence)].filter((t) => !asked.has(t));
    let best: { id: string; share: number } | undefined;
    for (const record of answers) {
      const shared = own.filter((t) => record.terms.has(t)).length;
      const share = own.length ? shared / own.length : 0;
      if (shared >= MIN_SHARED && share >= MIN_SUPPORT && !addsFacts(sentence, record.text) && (!best || share > best.share)) best = { id: record.id, share };
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
  if (kept.length === 0 || grounded < MIN_GROUNDED || grounded < all.length * MIN_SUPPORT) return fromRecord;
  const cited = [...support.entries()].sort((a, b) => b[1] - a[1]).slice(0, MAX_CITED).map(([id]) => id);
  return { known: true, answer: kept.join(' '), cited };
};
