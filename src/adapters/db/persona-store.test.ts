import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { newRebuildState } from '../../core/persona/rebuild';
import { buildDeterministicPersona } from '../../core/persona/accumulator';
import { syntheticRecords } from '../../core/persona/synthetic-records';
import { openDoppelDb } from './open-db';
import { createPersonaStore } from './persona-store';

describe('persona store', () => {
  it('keeps versions, the rebuild state apart, and forgets a record with the claims only it supported', async () => {
    const db = () => openDoppelDb(`persona-store-${Math.random()}`);
    const handle = await db();
    const store = createPersonaStore(async () => handle);
    const records = syntheticRecords(60, 5);
    for (const r of records) await handle.put(r.type === 'page' ? 'pages' : r.type === 'writing' ? 'writings' : 'reactions', r.record as never);
    const doc = buildDeterministicPersona(await store.records(), { id: 'persona-v1', version: 1, createdAt: Date.UTC(2026, 10, 1) });
    await store.save(doc);
    await store.saveState(newRebuildState(2, 0));
    await store.save({ ...doc, id: 'persona-v2', version: 2, createdAt: doc.createdAt + 1 });
    expect((await store.latest())!.version).toBe(2);
    expect((await store.state())!.status).toBe('running');

    const claim = doc.claims[0]!;
    const target = { ...claim, id: 'only-one', evidence: [claim.evidence[0]!] };
    await store.update((d) => ({ ...d, claims: [...d.claims, target] }));
    expect(await store.evidence([claim.evidence[0]!, 'nope'])).toHaveLength(1);
    expect(await store.forgetRecord(claim.evidence[0]!)).toBe(true);
    const after = (await store.latest())!;
    expect(after.claims.find((c) => c.id === 'only-one')).toBeUndefined();
    expect(after.claims.every((c) => !c.evidence.includes(claim.evidence[0]!))).toBe(true);
    expect((await store.records()).some((r) => r.record.id === claim.evidence[0])).toBe(false);
  });
});
