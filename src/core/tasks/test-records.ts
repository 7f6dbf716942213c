import type { PageRecord, WritingRecord } from '../model/records';
import type { PersonaDoc } from '../persona/types';

/** Test records shaped like captured ones. */
export const page = (id: string, title: string, text: string, site = 'news.example'): PageRecord => ({
  id,
  url: `https://${site}/${id}`,
  site,
  title,
  text,
  contentHash: id,
  firstVisit: 1,
  lastVisit: 2,
  visitCount: 1,
  dwellMs: 1000,
  maxScroll: 1,
});

export const writing = (id: string, text: string, site = 'forum.example', createdAt = 1): WritingRecord => ({
  id,
  url: `https://${site}/t/${id}`,
  site,
  text,
  source: 'form',
  createdAt,
});

export const persona = (claims: number, words = 'likes sailing and small boats'): PersonaDoc => ({
  id: 'p1',
  version: 1,
  createdAt: 1,
  style: {
    samples: 12,
    words: 900,
    meanSentenceWords: 14.2,
    meanWordLength: 4.6,
    vocabularyRichness: 0.5,
    functionWords: { the: 0.05 },
    charNgrams: { the: 0.01 },
    rates: { exclamation: 0.1, question: 0.2, ellipsis: 0.05, emoji: 0.01, uppercaseStart: 0.9, allLowercase: 0.05, comma: 0.8 },
    greetings: ['hi all'],
    signOffs: ['cheers'],
    lengthBySite: { 'forum.example': 42 },
  },
  interests: [{ phrase: 'sailing', weight: 3, evidence: ['w1'] }],
  topSites: [{ site: 'forum.example', visits: 10, dwellMs: 1000 }],
  rhythm: Array.from({ length: 24 }, () => 1 / 24),
  summary: `The user ${words}.`,
  claims: Array.from({ length: claims }, (_, i) => ({
    id: `c${i}`,
    text: `Claim ${i}: the user ${words} ${'and more detail '.repeat(5)}`,
    kind: 'interest' as const,
    evidence: ['w1'],
    confidence: 0.8,
    firstSeen: 1,
    lastSeen: 2,
    origin: 'inferred' as const,
  })),
});
