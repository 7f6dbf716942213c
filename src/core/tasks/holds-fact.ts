import { sentencesOf } from '../prompting/draft-quality';
import type { Demand, FactKind } from './question-demands';
import { termsOf } from './terms';

const words = (list: string) => list.split(' ').join('|');
const NUMBER_WORDS = words('one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty hundred thousand million dozen half');
const MONTHS = words('january february march april may june july august september october november december');
const DAYS = words('monday mondays tuesday tuesdays wednesday wednesdays thursday thursdays friday fridays saturday saturdays sunday sundays');
const PERSON_NOUNS = words('friend friends wife husband partner mum mom dad mother father parents brother sister son daughter kids children family coach teacher instructor neighbour neighbor colleague colleagues boss');

const SPECIFIC_TIME = new RegExp(String.raw`\b(?:\d{1,4}|${MONTHS}|${DAYS}|yesterday|today|tonight|tomorrow|ago|since|(?:last|next|this)\s+(?:week|month|year|summer|winter|spring|autumn|weekend)|when\s+i\s+was|as\s+a\s+(?:kid|child|teenager))\b`, 'i');
const HABITUAL_TIME = /\b(?:every|each)\s+\w+|\b(?:mornings?|evenings?|nights?|weekends?|afternoons?|daily|weekly)\b/i;

const FACTS: Record<Exclude<FactKind, 'name' | 'place' | 'person' | 'time'>, RegExp> = {
  colour: /\b(?:red|orange|yellow|green|blue|purple|violet|pink|brown|black|white|grey|gray|silver|gold|golden|navy|teal|turquoise|beige|maroon|crimson|scarlet)\b/i,
  number: new RegExp(String.raw`\d|[£$€]|\b(?:${NUMBER_WORDS})\b`, 'i'),
  'past-time': SPECIFIC_TIME,
  frequency: /\b(?:every|each|daily|weekly|monthly|yearly|always|usually|often|never|rarely|sometimes|once|twice|times)\b/i,
  reason: /\b(?:because|since|so\s+that|reason|worth|thanks\s+to|due\s+to|that['’]s\s+why)\b/i,
  advice: /\b(?:i\s+(?:always\s+|usually\s+|often\s+)?(?:say|tell|recommend|suggest|advise)|should|must|tips?|advice|recommend)\b/i,
};
const PERSON = new RegExp(String.raw`\b(?:${PERSON_NOUNS})\b`, 'i');
const PLACE = /\b(?:in|on|at|near|by|from)\s+(?:the|my|a|our)\s+\p{L}+|\b(?:at\s+home|abroad)\b/iu;

/** Capitalised words inside a sentence (not its first word, not "I"): names of people, boats, places. */
export const namesIn = (text: string): string[] =>
  sentencesOf(text).flatMap((sentence) =>
    (sentence.trim().match(/[\p{L}'’]+/gu) ?? []).slice(1).filter((w) => /^\p{Lu}\p{Ll}/u.test(w) && !/^I(?:['’]|$)/.test(w)),
  ).concat([...text.matchAll(/["“]([^"”]{2,40})["”]/g)].map((m) => m[1]!));

const holds = (text: string, kind: FactKind): boolean => {
  switch (kind) {
    case 'name':
      return namesIn(text).length > 0;
    case 'person':
      return namesIn(text).length > 0 || PERSON.test(text);
    case 'place':
      return namesIn(text).length > 0 || PLACE.test(text);
    case 'time':
      return SPECIFIC_TIME.test(text) || HABITUAL_TIME.test(text);
    default:
      return FACTS[kind].test(text);
  }
};

/** Whether a text holds what the question asks for: every kind of fact, and every word it asks about. */
export const holdsAll = (text: string, demands: Demand[]): boolean => {
  const terms = termsOf(text);
  return demands.every((d) => (d.kind === 'word' ? terms.has(d.term) : holds(text, d.kind)));
};
