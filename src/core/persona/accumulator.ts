import { writtenByUser, type PageRecord, type ReactionRecord, type WritingRecord } from '../model/records';
import { keyPhrases, monthOf, recencyWeight } from './interests';
import { addInto } from './text-stats';
import { applyWriting, emptyStyle, styleCard, type StyleAcc } from './style';
import type { Claim, PersonaDoc } from './types';

export type PersonaRecord =
  | { type: 'page'; record: PageRecord }
  | { type: 'writing'; record: WritingRecord }
  | { type: 'reaction'; record: ReactionRecord };

interface PhraseAcc {
  /** Occurrences plus one per full minute of dwell: integers, so removal is exact. */
  weight: number;
  /** Record id → when it was seen, so the last-seen time survives removing a record. */
  evidence: Map<string, number>;
  months: Map<string, number>;
}

/**
 * Everything the deterministic persona is computed from, as additive counts. Adding a record and
 * removing it again leaves the accumulator as it was; the document is derived at the end.
 */
export interface PersonaAcc {
  style: StyleAcc;
  phrases: Map<string, PhraseAcc>;
  sites: Map<string, { visits: number; dwellMs: number }>;
  hours: number[];
  basis: { pages: number; writings: number; reactions: number };
}

export const emptyPersonaAcc = (): PersonaAcc => ({
  style: emptyStyle(),
  phrases: new Map(),
  sites: new Map(),
  hours: Array.from({ length: 24 }, () => 0),
  basis: { pages: 0, writings: 0, reactions: 0 },
});

const addPhrases = (acc: PersonaAcc, phrases: string[], id: string, at: number, weight: number, sign: 1 | -1): void => {
  for (const phrase of phrases) {
    const entry = acc.phrases.get(phrase) ?? { weight: 0, evidence: new Map(), months: new Map() };
    entry.weight += sign * weight;
    if (sign > 0) entry.evidence.set(id, at);
    else entry.evidence.delete(id);
    addInto(entry.months, new Map([[monthOf(at), 1]]), sign);
    if (entry.evidence.size === 0) acc.phrases.delete(phrase);
    else acc.phrases.set(phrase, entry);
  }
};

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
    addPhrases(acc, keyPhrases(page.title, page.text), page.id, page.lastVisit, page.visitCount + Math.floor(page.dwellMs / 60_000), sign);
  } else if (item.type === 'writing') {
    const writing = item.record;
    acc.basis.writings += sign;
    addHour(acc, writing.createdAt, sign);
    if (writtenByUser(writing)) {
      applyWriting(acc.style, writing.text, writing.site, sign);
      // What the user writes about counts double: it is their own choice of topic.
      addPhrases(acc, keyPhrases('', writing.text, 3, 2), writing.id, writing.createdAt, 2, sign);
    }
  } else {
    acc.basis.reactions += sign;
    addHour(acc, item.record.at, sign);
  }
  return acc;
};

export const MAX_INTERESTS = 50;
const MAX_EVIDENCE = 12;

const interestsOf = (acc: PersonaAcc, now: number) =>
  [...acc.phrases]
    .filter(([, p]) => p.evidence.size >= 2)
    .map(([phrase, p]) => {
      const seen = [...p.evidence.values()];
      const lastSeen = Math.max(...seen);
      return {
        phrase,
        weight: p.weight * recencyWeight(lastSeen, now),
        evidence: [...p.evidence].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, MAX_EVIDENCE).map(([id]) => id),
        count: p.evidence.size,
        firstSeen: Math.min(...seen),
        lastSeen,
        months: Object.fromEntries([...p.months].sort((a, b) => (a[0] < b[0] ? -1 : 1))),
      };
    })
    .sort((a, b) => b.weight - a.weight || (a.phrase < b.phrase ? -1 : 1))
    .slice(0, MAX_INTERESTS);

/** The deterministic persona: style card, interests, top sites, rhythm, and one claim per top interest. */
export const personaFromAcc = (acc: PersonaAcc, meta: { id: string; version: number; createdAt: number }): PersonaDoc => {
  const interests = interestsOf(acc, meta.createdAt);
  const top = interests[0]?.weight ?? 1;
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
    style: styleCard(acc.style),
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
