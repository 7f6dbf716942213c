import { describe, expect, it } from 'vitest';
import { syntheticHistory } from '../synthetic/history';
import { applyRecord, emptyPersonaAcc, personaFromAcc, type PersonaAcc, type PersonaRecord } from './accumulator';
import { recencyWeight } from './interests';

const meta = { id: 'p', version: 1, createdAt: Date.UTC(2026, 10, 1) };
const YEAR = 365 * 86_400_000;

/** The definition, without the pool or the rank cut: every phrase weighed, fully sorted. */
const plainInterests = (acc: PersonaAcc) => {
  let newest = -Infinity;
  for (const p of acc.phrases.values()) for (const at of p.evidence.values()) newest = Math.max(newest, at);
  return [...acc.phrases]
    .filter(([, p]) => p.evidence.size >= 2)
    .map(([phrase, p]) => ({ phrase, p, weight: p.weight * recencyWeight(Math.max(...p.evidence.values()), newest) }))
    .sort((a, b) => b.weight - a.weight || (a.phrase < b.phrase ? -1 : 1))
    .slice(0, 50)
    .map(({ phrase, p, weight }) => ({
      phrase,
      weight,
      evidence: [...p.evidence].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 12).map(([id]) => id),
      count: p.evidence.size,
      months: Object.fromEntries([...p.months].sort((a, b) => (a[0] < b[0] ? -1 : 1))),
    }));
};

/** Pages, writings and reactions of the bench's generator (2–30 KB pages), in time order. */
const history = (n: number, seed: number, spreadYears = 0): PersonaRecord[] => {
  const h = syntheticHistory(n, { seed });
  // Some records pushed back by up to `spreadYears`: their recency underflows to 0, ties go by phrase.
  h.pages.forEach((p, i) => {
    if (spreadYears && i % 3 === 0) p.lastVisit -= (i % spreadYears) * YEAR;
  });
  const at = (r: PersonaRecord) => (r.type === 'page' ? r.record.lastVisit : r.type === 'writing' ? r.record.createdAt : r.record.at);
  return [...h.pages.map((record) => ({ type: 'page' as const, record })), ...h.writings.map((record) => ({ type: 'writing' as const, record })), ...h.reactions.map((record) => ({ type: 'reaction' as const, record }))].sort((a, b) => at(a) - at(b));
};

describe('interest ranking after every record', () => {
  it.each([
    ['a recent history', 0],
    ['a history whose oldest records are 150 years old', 150],
  ])('equals weighing every phrase, as records come and go (%s)', (_name, spread) => {
    const records = history(1200, 5 + spread, spread);
    const acc = emptyPersonaAcc();
    records.forEach((record, i) => {
      applyRecord(acc, record);
      // Removals too, some of them of the newest record, which restarts the pool.
      if (i % 9 === 4) applyRecord(acc, records[i - (i % 2 ? 0 : 3)]!, -1);
      if (i % 40 === 0 || i > records.length - 5) {
        const doc = personaFromAcc(acc, meta);
        expect(doc.interests).toEqual(plainInterests(acc));
      }
    });
  }, 60_000);

  it('one record at a time in time order, then the derived document, equals a full rebuild', () => {
    const records = history(700, 9);
    const acc = emptyPersonaAcc();
    let doc = personaFromAcc(acc, meta);
    for (const record of records) {
      applyRecord(acc, record);
      doc = personaFromAcc(acc, meta);
    }
    const rebuilt = emptyPersonaAcc();
    for (const record of [...records].reverse()) applyRecord(rebuilt, record);
    expect(doc).toEqual(personaFromAcc(rebuilt, meta));
    expect(doc.interests).toHaveLength(50);
  }, 60_000);
});
