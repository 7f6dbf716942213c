import { describe, expect, it } from 'vitest';
import { applyRecord, emptyPersonaAcc, personaFromAcc } from './accumulator';
import { editClaim } from './claims';
import { withLiveLayer } from './live';
import { syntheticRecords } from './synthetic-records';
import type { Claim } from './types';

const meta = { id: 'persona-v3', version: 3, createdAt: Date.UTC(2026, 10, 1) };
const llmClaim: Claim = { id: 'stance:tabs', text: 'Prefers tabs', kind: 'stance', evidence: ['w1'], confidence: 0.7, firstSeen: 1, lastSeen: 2, origin: 'inferred' };

describe('withLiveLayer', () => {
  const records = syntheticRecords(200, 7);
  const acc = emptyPersonaAcc();
  for (const r of records.slice(0, 150)) applyRecord(acc, r);
  const built = { ...personaFromAcc(acc, meta), summary: 'A sailor who writes short notes.', claims: [...personaFromAcc(acc, meta).claims, llmClaim] };

  it('takes what is measured from the newer records and keeps the rebuild’s own layer and identity', () => {
    for (const r of records.slice(150)) applyRecord(acc, r);
    const measured = personaFromAcc(acc, { ...meta, id: 'ignored', version: 99 });
    const live = withLiveLayer(built, measured);
    expect(live.id).toBe('persona-v3');
    expect(live.version).toBe(3);
    expect(live.summary).toBe('A sailor who writes short notes.');
    expect(live.basis).toEqual(measured.basis);
    expect(live.basis!.pages + live.basis!.writings + live.basis!.reactions).toBe(200);
    expect(live.style).toBe(measured.style);
    expect(live.interests).toBe(measured.interests);
    expect(live.claims.filter((c) => c.id.startsWith('interest:')).map((c) => c.id)).toEqual(measured.claims.map((c) => c.id));
    expect(live.claims).toContainEqual(llmClaim);
  });

  it('keeps the user’s word: a deleted interest stays deleted, an edited one stays as written', () => {
    const [first, second] = built.claims;
    let doc = editClaim(built, { claimId: first!.id, action: 'delete' });
    doc = editClaim(doc, { claimId: second!.id, action: 'edit', text: 'Sailing, mostly dinghies' });
    const live = withLiveLayer(doc, personaFromAcc(acc, meta));
    expect(live.claims.some((c) => c.id === first!.id)).toBe(false);
    const edited = live.claims.filter((c) => c.id === second!.id);
    expect(edited).toHaveLength(1);
    expect(edited[0]!.text).toBe('Sailing, mostly dinghies');
  });
});
