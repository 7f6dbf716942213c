import { describe, expect, it } from 'vitest';
import { editClaim, mergeClaims, resolveClaims, withoutRecord } from './claims';
import type { Claim, PersonaDoc } from './types';

const claim = (id: string, evidence: string[], extra: Partial<Claim> = {}): Claim => ({ id, text: id, kind: 'stance', evidence, confidence: 0.9, firstSeen: 1, lastSeen: 2, origin: 'inferred', ...extra });
const doc = (claims: Claim[]): PersonaDoc => ({
  id: 'd', version: 1, createdAt: 0, claims, rhythm: [], topSites: [],
  interests: [{ phrase: 'bread', weight: 1, evidence: ['a'] }, { phrase: 'tea', weight: 1, evidence: ['a', 'b'] }],
  style: { samples: 0, words: 0, meanSentenceWords: 0, meanWordLength: 0, vocabularyRichness: 0, functionWords: {}, charNgrams: {}, rates: { exclamation: 0, question: 0, ellipsis: 0, emoji: 0, uppercaseStart: 0, allLowercase: 0, comma: 0 }, greetings: [], signOffs: [], lengthBySite: {} },
});

describe('claims', () => {
  it('drops evidence that does not resolve, and claims left with none', () => {
    expect(resolveClaims([claim('x', ['a', 'gone']), claim('y', ['gone'])], (id) => id === 'a')).toEqual([claim('x', ['a'])]);
  });

  it('deleting a record removes only the claims and interests it alone supported', () => {
    const after = withoutRecord(doc([claim('only-a', ['a']), claim('a-and-b', ['a', 'b']), claim('only-b', ['b'])]), 'a');
    expect(after.claims.map((c) => [c.id, c.evidence])).toEqual([['a-and-b', ['b']], ['only-b', ['b']]]);
    expect(after.interests.map((i) => i.phrase)).toEqual(['tea']);
  });

  it('a rebuild keeps pinned and edited claims and does not resurrect deleted ones', () => {
    let previous = doc([claim('pinned', ['a']), claim('edited', ['a']), claim('plain', ['a']), claim('deleted', ['a'])]);
    previous = editClaim(previous, { claimId: 'pinned', action: 'pin', pinned: true });
    previous = editClaim(previous, { claimId: 'edited', action: 'edit', text: ' I love rye. ' });
    previous = editClaim(previous, { claimId: 'deleted', action: 'delete' });
    expect(previous.claims.find((c) => c.id === 'edited')).toMatchObject({ text: 'I love rye.', edited: true, origin: 'explicit' });
    const rebuilt = [claim('pinned', ['a'], { text: 'model rewrote this' }), claim('edited', ['a']), claim('deleted', ['a']), claim('new', ['b'])];
    const merged = mergeClaims(previous, rebuilt, () => true);
    expect(merged.map((c) => [c.id, c.text])).toEqual([['pinned', 'pinned'], ['edited', 'I love rye.'], ['new', 'new']]);
  });
});
