import { describe, it } from 'vitest';
import { applyRecord, buildDeterministicPersona, emptyPersonaAcc, personaFromAcc } from '../src/core/persona/accumulator';
import { styleMatch } from '../src/core/persona/style-match';
import { syntheticRecords } from '../src/core/persona/synthetic-records';

const meta = { id: 'bench', version: 1, createdAt: Date.UTC(2026, 10, 1) };
const ms = (start: number) => Number((performance.now() - start).toFixed(2));

describe('persona (deterministic layer)', () => {
  it('rebuild over 10k synthetic records and incremental update per new record', () => {
    const records = syntheticRecords(10_000, 42);
    const extra = syntheticRecords(1_000, 43).map((r) => ({ ...r, record: { ...r.record, id: `x${r.record.id}` } })) as typeof records;
    buildDeterministicPersona(records.slice(0, 500), meta); // warm-up

    let start = performance.now();
    const doc = buildDeterministicPersona(records, meta);
    const rebuild = ms(start);

    const acc = emptyPersonaAcc();
    for (const r of records) applyRecord(acc, r);
    start = performance.now();
    for (const r of extra) applyRecord(acc, r);
    const applyPer = (performance.now() - start) / extra.length;

    start = performance.now();
    for (let i = 0; i < 20; i++) personaFromAcc(acc, meta);
    const finalize = (performance.now() - start) / 20;

    const text = (extra.find((r) => r.type === 'writing')!.record as { text: string }).text;
    start = performance.now();
    for (let i = 0; i < 1000; i++) styleMatch(doc.style, text);
    const match = (performance.now() - start) / 1000;

    const heap = process.memoryUsage().heapUsed / 2 ** 20;
    console.table({
      'full rebuild, 10k records (ms)': rebuild,
      'incremental: apply one record (ms)': Number(applyPer.toFixed(4)),
      'incremental: derive the document (ms)': Number(finalize.toFixed(2)),
      'incremental: record + document (ms)': Number((applyPer + finalize).toFixed(2)),
      'style match, one short text (ms)': Number(match.toFixed(4)),
      'interests / claims': `${doc.interests.length} / ${doc.claims.length}`,
      'heap used after (MiB)': Number(heap.toFixed(1)),
    });
  });
});
