import { termsOf } from './terms';

/** A kind of fact a question asks for: the text an answer rests on must hold one. */
export type FactKind = 'name' | 'colour' | 'number' | 'time' | 'past-time' | 'frequency' | 'person' | 'place' | 'reason' | 'advice';
export type Demand = { kind: FactKind } | { kind: 'word'; term: string };

/** Nouns after "what"/"which" that name a kind of fact rather than a thing the record must mention. */
const FACT_NOUNS: Record<string, FactKind> = {
  name: 'name', names: 'name', called: 'name',
  colour: 'colour', color: 'colour', colours: 'colour', colors: 'colour',
  time: 'time', year: 'past-time', day: 'time', date: 'past-time', month: 'past-time', season: 'time', hour: 'time',
  number: 'number', amount: 'number', price: 'number', cost: 'number', age: 'number', size: 'number',
  place: 'place', city: 'place', town: 'place', country: 'place', spot: 'place', location: 'place',
  advice: 'advice', tip: 'advice', tips: 'advice', suggestion: 'advice', recommendation: 'advice',
  reason: 'reason',
};
/** Nouns that only frame the question ("what do I think", "what hobbies"): any record on the topic may answer. */
const FRAME_NOUNS = new Set('thing things something opinion opinions view views thought thoughts feeling feelings stuff part way hobby hobbies interest interests topic topics subject'.split(' '));
/** Words that end the noun phrase after "what"/"which". */
const PHRASE_END = new Set('do does did is are was were am have has had i can could should would will of that for in on at to with about like it you me my'.split(' '));
const PHRASE_SKIP = new Set('is are was were the a an my your our his her its their favourite favorite main usual best'.split(' '));

const WH: [RegExp, FactKind][] = [
  [/^how\s+often\b/, 'frequency'],
  [/^how\s+(?:many|much|old|long|far|big|tall|fast)\b/, 'number'],
  [/^when\s+(?:did|was|were|had)\b/, 'past-time'],
  [/^when\b/, 'time'],
  [/^(?:who|whom|whose)\b/, 'person'],
  [/^where\b/, 'place'],
  [/^why\b/, 'reason'],
];

/** Words that show the phrase before them was a noun: "what flour do…", "what colour is…", "the name of…". */
const COPULA = new Set('is are was were'.split(' '));
const AFTER_NOUN = new Set('do does did is are was were am have has had can could should would will of'.split(' '));

/**
 * The noun a "what"/"which" clause asks about: "what is the name of…" → "name", "what flour do I
 * use" → "flour"; "what do I think…" and "what happened when…" (a verb) ask about no noun.
 */
const askedNoun = (clause: string): string | undefined => {
  const words = clause.split(/\s+/);
  // After "what is…" / "what's…" the rest is a noun phrase, whatever ends it.
  let nounPhrase = /^(?:what|which)'s$/.test(words[0]!);
  const phrase: string[] = [];
  for (const word of words.slice(1)) {
    const bare = word.replace(/[^\p{L}']/gu, '');
    if (PHRASE_END.has(bare) && (phrase.length > 0 || !PHRASE_SKIP.has(bare))) {
      return AFTER_NOUN.has(bare) ? phrase.at(-1) : undefined;
    }
    if (COPULA.has(bare) && phrase.length === 0) nounPhrase = true;
    if (!PHRASE_SKIP.has(bare)) phrase.push(bare);
  }
  // "What's my favourite sailing spot?", "what time?": a clause that ends on its noun.
  const head = phrase.at(-1);
  return head && (nounPhrase || FACT_NOUNS[head]) ? head : undefined;
};

/**
 * What a question asks for, read from its wh-words: "what is the name of my dinghy and what colour is
 * its sail?" asks for a name and a colour, "what flour do I use?" for something about flour, "what do
 * I think of X?" for nothing more than X. A record about the question's topic that holds none of it
 * does not answer it (measured on SmolLM2: it copies such a record as its answer).
 */
export const questionDemands = (question: string): Demand[] => {
  const q = question.toLowerCase().replace(/[’]/g, "'").replace(/\b(?:kind|sort|type)s?\s+of\s+/g, '');
  const demands: Demand[] = [];
  // A clause starts the question or follows "and", "or", "but" or a comma: "…my dinghy and what colour is its sail?"
  for (const clause of q.split(/[,;:?.!]|\b(?:and|or|but)\b/).map((c) => c.trim())) {
    const wh = WH.find(([pattern]) => pattern.test(clause));
    if (wh) demands.push({ kind: wh[1] });
    if (!/^(?:what|which)\b/.test(clause)) continue;
    const head = askedNoun(clause);
    if (!head || FRAME_NOUNS.has(head)) continue;
    const fact = FACT_NOUNS[head];
    if (fact) demands.push({ kind: fact });
    else for (const term of termsOf(head)) demands.push({ kind: 'word', term });
  }
  return demands;
};
