import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syntheticHistory } from '../synthetic/history';
import { applyRecord, buildDeterministicPersona, emptyPersonaAcc, personaFromAcc, type PersonaRecord } from './accumulator';
import { CHAR_MODEL_SIZE, MASKED_MODEL_SIZE } from './char-model';
import { recordsOfExport } from './from-export';
import { styleScore } from './style-match';
import type { PersonaDoc } from './types';

const meta = { id: 'p', version: 1, createdAt: Date.UTC(2026, 10, 1) };
/** A full build at every check: 5–15 s per case on a loaded machine. Correctness, not speed. */
const SLOW = 120_000;
const FIXTURES = join(__dirname, '../../../tests/fixtures');
const at = (r: PersonaRecord) => (r.type === 'page' ? r.record.lastVisit : r.type === 'writing' ? r.record.createdAt : r.record.at);
const inTimeOrder = (records: PersonaRecord[]) => [...records].sort((a, b) => at(a) - at(b) || (a.record.id < b.record.id ? -1 : 1));
const exportAt = (path: string) => recordsOfExport(JSON.parse(readFileSync(path, 'utf8')));

const realPeople = readdirSync(join(FIXTURES, 'real-people'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => [entry.name, exportAt(join(FIXTURES, 'real-people', entry.name, 'export.json'))] as const);
const fixtureExports = ['persona-export.json', 'fidelity-export.json'].map((name) => [name, exportAt(join(FIXTURES, name))] as const);

/** Every part of the document, one by one, so a failure names the field. */
const expectSameDoc = (incremental: PersonaDoc, full: PersonaDoc) => {
  const { style: a, ...restA } = incremental;
  const { style: b, ...restB } = full;
  for (const key of Object.keys(b) as (keyof typeof b)[]) expect(a[key], `style.${key}`).toEqual(b[key]);
  expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
  // The 3-grams are listed by count then key (the card's stable order); the models' key order is not kept.
  expect(Object.keys(a.charNgrams)).toEqual(Object.keys(b.charNgrams));
  for (const key of Object.keys(restB) as (keyof typeof restB)[]) expect(restA[key], key).toEqual(restB[key]);
  expect(Object.keys(restA).sort()).toEqual(Object.keys(restB).sort());
};

/**
 * Adds the records one at a time, deriving the document after each (as the live update does), and
 * compares with a full build from the same records at `checks` points and at the end. `remove`:
 * indices of records taken out again right after they were added (and compared then).
 */
const replay = (records: PersonaRecord[], checks: number, remove: ReadonlySet<number> = new Set()) => {
  const acc = emptyPersonaAcc();
  const kept: PersonaRecord[] = [];
  const every = Math.max(1, Math.floor(records.length / checks));
  records.forEach((record, i) => {
    applyRecord(acc, record);
    kept.push(record);
    const doc = personaFromAcc(acc, meta);
    // Half the checks read the document as stored (a structured clone), half as returned.
    if (i % every === every - 1 || i === records.length - 1) expectSameDoc(i % (2 * every) < every ? structuredClone(doc) : doc, buildDeterministicPersona(kept, meta));
    if (remove.has(i)) {
      applyRecord(acc, record, -1);
      kept.pop();
      expectSameDoc(structuredClone(personaFromAcc(acc, meta)), buildDeterministicPersona(kept, meta));
    }
  });
  return { acc };
};

describe('the persona after records added one at a time equals a full build', () => {
  it.each(realPeople)('real person %s', (_, records) => {
    replay(inTimeOrder(records), 12);
  }, SLOW);

  it.each(fixtureExports)('fixture export %s', (_, records) => {
    replay(inTimeOrder(records), 8);
  }, SLOW);

  it('all real people and fixtures as one history, with the models past their caps', () => {
    // Ids are unique within an export only.
    const all = inTimeOrder([...realPeople, ...fixtureExports].flatMap(([name, records]) => records.map((r) => ({ ...r, record: { ...r.record, id: `${name}:${r.record.id}` } }) as PersonaRecord)));
    const { acc } = replay(all, 6);
    expect(acc.style.charModel.distinct).toBeGreaterThan(CHAR_MODEL_SIZE);
    expect(acc.style.maskedModel.distinct).toBeGreaterThan(MASKED_MODEL_SIZE);
  }, SLOW);

  it('the bench generator, with writings removed again right after they were added', () => {
    const h = syntheticHistory(600, { seed: 7 });
    const records = inTimeOrder([
      ...h.pages.map((record) => ({ type: 'page' as const, record })),
      ...h.writings.map((record) => ({ type: 'writing' as const, record })),
      ...h.reactions.map((record) => ({ type: 'reaction' as const, record })),
    ]);
    const writings = records.flatMap((r, i) => (r.type === 'writing' ? [i] : []));
    replay(records, 5, new Set(writings.filter((_, j) => j % 25 === 12)));
  }, SLOW);

});

describe('a document once returned never changes', () => {
  it('kept unread or read, it stays the persona of the records it was derived from, whatever comes after', () => {
    const [, records] = realPeople[0]!;
    const all = inTimeOrder(records);
    const acc = emptyPersonaAcc();
    const kept: { doc: PersonaDoc; upTo: number; read: boolean }[] = [];
    all.forEach((record, i) => {
      applyRecord(acc, record);
      if (record.type === 'writing' && kept.length < 6 && i % 5 === 0) {
        const doc = personaFromAcc(acc, meta);
        // Some are read at once (the big tables are built then), some only at the end.
        const read = kept.length % 2 === 0;
        if (read) expect(Object.keys(doc.style.charModel!).length).toBeGreaterThan(0);
        kept.push({ doc, upTo: i + 1, read });
      }
    });
    // Later: more writings, and a removal of a writing each document was built with.
    const first = all.find((r) => r.type === 'writing')!;
    applyRecord(acc, first, -1);
    expect(kept.length).toBe(6);
    for (const { doc, upTo } of kept) expectSameDoc(doc, buildDeterministicPersona(all.slice(0, upTo), meta));
  }, SLOW);

  it('a card kept from earlier scores a text as a fresh build of its own records does', () => {
    const [, records] = realPeople[0]!;
    const writings = inTimeOrder(records).filter((r) => r.type === 'writing');
    const text = (writings.at(-1)!.record as { text: string }).text;
    const acc = emptyPersonaAcc();
    for (const r of writings.slice(0, 20)) applyRecord(acc, r);
    const early = personaFromAcc(acc, meta).style;
    for (const r of writings.slice(20, 60)) applyRecord(acc, r);
    const later = personaFromAcc(acc, meta).style;
    const score = styleScore(early, text);
    expect(score).toBe(styleScore(buildDeterministicPersona(writings.slice(0, 20), meta).style, text));
    expect(styleScore(later, text)).toBe(styleScore(buildDeterministicPersona(writings.slice(0, 60), meta).style, text));
    expect(styleScore(later, text)).not.toBe(score);
  });
});
