import { describe, expect, it } from 'vitest';
import { applyRecord, buildDeterministicPersona, emptyPersonaAcc, personaFromAcc } from './accumulator';
import { syntheticRecords } from './synthetic-records';

const meta = { id: 'p', version: 1, createdAt: Date.UTC(2026, 10, 1) };

describe('deterministic persona accumulator', () => {
  const records = syntheticRecords(600, 7);

  it('incremental updates, one record at a time, equal a full rebuild', () => {
    const acc = emptyPersonaAcc();
    const shuffled = [...records].reverse();
    const docs = [];
    for (const record of shuffled) {
      applyRecord(acc, record);
      docs.push(personaFromAcc(acc, meta));
    }
    expect(docs.at(-1)).toEqual(buildDeterministicPersona(records, meta));
  }, 60_000);

  it('removing a record gives exactly the persona built without it', () => {
    const acc = emptyPersonaAcc();
    for (const record of records) applyRecord(acc, record);
    const gone = records.filter((_, i) => i % 5 === 0);
    for (const record of gone) applyRecord(acc, record, -1);
    expect(personaFromAcc(acc, meta)).toEqual(buildDeterministicPersona(records.filter((_, i) => i % 5 !== 0), meta));
  });

  it('measures style, interests with evidence, rhythm and top sites', () => {
    const doc = buildDeterministicPersona(records, meta);
    const ids = new Set(records.map((r) => r.record.id));
    expect(doc.style.samples).toBe(records.filter((r) => r.type === 'writing').length);
    expect(doc.style.greetings).toContain('hi');
    expect(doc.style.signOffs).toEqual(expect.arrayContaining(['cheers', 'thanks', 'best']));
    expect(doc.style.rates.emoji).toBeGreaterThan(0);
    expect(doc.style.rates.question).toBeGreaterThan(0);
    expect(doc.rhythm.reduce((s, n) => s + n, 0)).toBeCloseTo(1, 9);
    expect(doc.topSites.map((s) => s.site)).toContain('forum.example');
    expect(doc.interests.length).toBeGreaterThan(5);
    for (const interest of doc.interests) {
      expect(interest.evidence.length).toBeGreaterThan(0);
      for (const id of interest.evidence) expect(ids.has(id)).toBe(true);
    }
    expect(doc.claims.every((c) => c.kind === 'interest' && c.evidence.length > 0)).toBe(true);
    expect(doc.interests.map((i) => i.phrase)).toEqual(expect.arrayContaining(['sourdough']));
  });

  it('weights recent interests above stale ones with the same evidence', () => {
    const page = (id: string, title: string, at: number) => ({ type: 'page' as const, record: { id, url: `https://a.example/${id}`, site: 'a.example', title, text: '', contentHash: id, firstVisit: at, lastVisit: at, visitCount: 1, dwellMs: 0, maxScroll: 0 } });
    const old = meta.createdAt - 120 * 86_400_000;
    const doc = buildDeterministicPersona(
      [page('1', 'Pottery', old), page('2', 'Pottery', old), page('3', 'Kayaking', meta.createdAt), page('4', 'Kayaking', meta.createdAt)],
      meta,
    );
    expect(doc.interests.map((i) => i.phrase)).toEqual(['kayaking', 'pottery']);
  });
});

describe('writings that started as a Doppel draft', () => {
  it('never shape the style card or the interests', () => {
    const records = syntheticRecords(200, 3);
    const drafted = Array.from({ length: 12 }, (_, i) => ({
      type: 'writing' as const,
      record: { id: `fb${i}`, url: 'https://forum.example/t', site: 'forum.example', source: 'feedback' as const, createdAt: Date.UTC(2026, 9, 1 + i), text: 'Absolutely marvellous quasar telescopes!!! Marvellous quasar telescopes, truly marvellous!!!' },
    }));
    const own = buildDeterministicPersona(records, meta);
    const withDrafts = buildDeterministicPersona([...records, ...drafted], meta);
    expect(withDrafts.style).toEqual(own.style);
    expect(withDrafts.interests).toEqual(own.interests);
    expect(JSON.stringify(withDrafts.claims)).not.toMatch(/fb\d/);
  });
});
