import { writtenByUser, type PageRecord, type ReactionRecord, type WritingRecord } from '../model/records';
import { keyPhrases } from './interests';
import { addPhrases, emptyInterestRank, interestsOf, type InterestRank, type PhraseAcc } from './interest-rank';
import { applyWriting, emptyStyle, styleCard, type StyleAcc } from './style';
import type { Claim, PersonaDoc, StyleCard } from './types';

export type PersonaRecord =
  | { type: 'page'; record: PageRecord }
  | { type: 'writing'; record: WritingRecord }
  | { type: 'reaction'; record: ReactionRecord };

/**
 * Everything the deterministic persona is computed from, as additive counts. Adding a record and
 * removing it again leaves the accumulator as it was; the document is derived at the end.
 */
export interface PersonaAcc {
  style: StyleAcc;
  /** Bumped whenever `style` changes, so the style card is derived again only then. */
  styleVersion: number;
  phrases: Map<string, PhraseAcc>;
  /** Where the top interests are looked for without walking every phrase (interest-rank.ts). */
  rank: InterestRank;
  sites: Map<string, { visits: number; dwellMs: number }>;
  hours: number[];
  basis: { pages: number; writings: number; reactions: number };
}

export const emptyPersonaAcc = (): PersonaAcc => ({
  style: emptyStyle(),
  styleVersion: 0,
  phrases: new Map(),
  rank: emptyInterestRank(),
  sites: new Map(),
  hours: Array.from({ length: 24 }, () => 0),
  basis: { pages: 0, writings: 0, reactions: 0 },
});

const addHour = (acc: PersonaAcc, at: number, sign: 1 | -1): void => {
  // Local time: the rhythm is the user's day, not UTC's.
  acc.hours[new Date(at).getHours()]! += sign;
};

/** Adds (sign 1) or removes (sign −1) one record. To apply an updated page, remove the old version first. */
export const applyRecord = (acc: PersonaAcc, item: PersonaRecord, sign: 1 | -1 = 1): PersonaAcc => {
  if (item.type === 'page') {
    const page = item.record;
    acc.basis.pages += sign;
    const site = acc.sites.get(page.site) ?? { visits: 0, dwellMs: 0 };
    site.visits += sign * page.visitCount;
    site.dwellMs += sign * page.dwellMs;
    if (site.visits === 0 && site.dwellMs === 0) acc.sites.delete(page.site);
    else acc.sites.set(page.site, site);
    addHour(acc, page.lastVisit, sign);
    addPhrases(acc.phrases, acc.rank, keyPhrases(page.title, page.text), page.id, page.lastVisit, page.visitCount + Math.floor(page.dwellMs / 60_000), sign);
  } else if (item.type === 'writing') {
    const writing = item.record;
    acc.basis.writings += sign;
    addHour(acc, writing.createdAt, sign);
    if (writtenByUser(writing)) {
      applyWriting(acc.style, writing.text, writing.site, sign);
      acc.styleVersion++;
      // What the user writes about counts double: it is their own choice of topic.
      addPhrases(acc.phrases, acc.rank, keyPhrases('', writing.text, 3, 2), writing.id, writing.createdAt, 2, sign);
    }
  } else {
    acc.basis.reactions += sign;
    addHour(acc, item.record.at, sign);
  }
  return acc;
};


/** The style card changes only with the user's writing: pages and reactions reuse the last one (read-only). */
const cards = new WeakMap<PersonaAcc, { version: number; card: StyleCard }>();
const cardOf = (acc: PersonaAcc): StyleCard => {
  let cached = cards.get(acc);
  if (cached?.version !== acc.styleVersion) cards.set(acc, (cached = { version: acc.styleVersion, card: styleCard(acc.style) }));
  return cached.card;
};

export const personaFromAcc = (acc: PersonaAcc, meta: { id: string; version: number; createdAt: number }): PersonaDoc => {
  // An old history exported today must not decay to weight 0 (and confidence 0/0).
  const interests = interestsOf(acc.phrases, acc.rank);
  const top = interests[0]?.weight || 1;
  const totalHours = acc.hours.reduce((s, n) => s + n, 0);
  const claims: Claim[] = interests.slice(0, 20).map((interest) => ({
    id: `interest:${interest.phrase}`,
    text: `Interested in ${interest.phrase}`,
    kind: 'interest',
    evidence: interest.evidence,
    confidence: Math.min(1, interest.weight / top),
    firstSeen: interest.firstSeen,
    lastSeen: interest.lastSeen,
    origin: 'inferred',
  }));
  return {
    ...meta,
    basis: { ...acc.basis },
    style: cardOf(acc),
    interests: interests.map(({ phrase, weight, evidence, count, months }) => ({ phrase, weight, evidence, count, months })),
    topSites: [...acc.sites]
      .map(([site, s]) => ({ site, visits: s.visits, dwellMs: s.dwellMs }))
      .sort((a, b) => b.dwellMs + 60_000 * b.visits - (a.dwellMs + 60_000 * a.visits) || (a.site < b.site ? -1 : 1))
      .slice(0, 20),
    rhythm: acc.hours.map((n) => (totalHours > 0 ? n / totalHours : 0)),
    claims,
  };
};

export const buildDeterministicPersona = (records: Iterable<PersonaRecord>, meta: { id: string; version: number; createdAt: number }): PersonaDoc => {
  const acc = emptyPersonaAcc();
  for (const item of records) applyRecord(acc, item);
  return personaFromAcc(acc, meta);
};
