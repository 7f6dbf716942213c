import { serialize } from 'node:v8';
import 'fake-indexeddb/auto';
import { describe, test } from 'vitest';
import { applyRecord, emptyPersonaAcc, personaFromAcc, type PersonaRecord } from '../src/core/persona/accumulator';
import { InvertedIndex } from '../src/core/search/inverted-index';
import { pageDoc, reactionDoc, writingDoc } from '../src/core/search/terms';
import { syntheticHistory } from '../src/core/synthetic/history';
import { retrieve } from '../src/core/tasks/retrieve';
import { pageEvidence, writingEvidence } from '../src/core/tasks/evidence';
import { quantile } from './stats';

/**
 * Whole-history retrieval and the persona's incremental update at 10k and 50k records of the
 * seeded synthetic history (plain Node: the same V8 as Chrome, without IndexedDB in the timing).
 * Index size and memory are measured at both sizes and estimated at 500k from the growth between
 * them. Prints numbers; asserts nothing about time.
 */
const SIZES = (process.env.DOPPEL_BENCH_SIZES ?? '10000,50000').split(',').map(Number);
const f = (n: number, d = 2) => Number(n.toFixed(d));
const MiB = 2 ** 20;
const heap = () => {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
};

const measured: Record<number, { storedMiB: number; heapMiB: number }> = {};

describe('whole-history retrieval and persona', () => {
  test.each(SIZES)('%i records', (size) => {
    const history = syntheticHistory(size, { seed: 7 + size });
    const titles = new Map(history.pages.map((p) => [p.url, p.title]));

    // The index: term vectors (what IndexedDB stores) and the in-memory inverted index.
    let start = performance.now();
    const docs = [...history.pages.map(pageDoc), ...history.writings.map(writingDoc), ...history.reactions.map((r) => reactionDoc(r, titles.get(r.url)))];
    const docMs = (performance.now() - start) / docs.length;
    const storedBytes = docs.reduce((sum, d) => sum + JSON.stringify(d).length, 0);
    const before = heap();
    start = performance.now();
    const index = new InvertedIndex();
    for (const d of docs) index.add(d);
    const buildMs = performance.now() - start;
    const heapBytes = (globalThis as { gc?: unknown }).gc ? Math.max(0, heap() - before) : index.approxBytes();
    measured[size] = { storedMiB: storedBytes / MiB, heapMiB: heapBytes / MiB };

    // Queries as tasks make them: a page at hand (its first 2,000 chars) and short selections.
    const queries = [...history.pages.filter((_, i) => i % Math.ceil(history.pages.length / 150) === 0).map((p) => p.text.slice(0, 2000)), ...history.writings.filter((_, i) => i % Math.ceil(history.writings.length / 150) === 0).map((w) => w.text.slice(0, 120))];
    for (const q of queries.slice(0, 20)) index.search(q, { limit: 20 }); // warm-up
    // Each query's best of three runs: on a shared machine a single run also measures whoever else
    // had the core; the raw single-run p95 is printed beside it.
    const times: number[] = [];
    const single: number[] = [];
    for (const q of queries) {
      let best = Infinity;
      for (let k = 0; k < 3; k++) {
        const t = performance.now();
        index.search(q, { limit: 20, site: 'forum.example' });
        const ms = performance.now() - t;
        if (k === 0) single.push(ms);
        best = Math.min(best, ms);
      }
      times.push(best);
    }
    // Before: a MiniSearch index built per job over the newest 400 + 300 + 200 records.
    const window = [...history.writings.slice(-400).map(writingEvidence), ...history.pages.slice(-300).map(pageEvidence)];
    const oldTimes: number[] = [];
    for (const q of queries.slice(0, 30)) {
      const t = performance.now();
      retrieve(window, { text: q, site: 'forum.example' }, 24);
      oldTimes.push(performance.now() - t);
    }

    // Persona: one new record, including the derived document. Records come in time order, so
    // the newest 300 are a realistic mix of pages, writings and reactions.
    const timeOf = (r: PersonaRecord) => (r.type === 'page' ? r.record.lastVisit : r.type === 'writing' ? r.record.createdAt : r.record.at);
    const records: PersonaRecord[] = [...history.pages.map((record) => ({ type: 'page' as const, record })), ...history.writings.map((record) => ({ type: 'writing' as const, record })), ...history.reactions.map((record) => ({ type: 'reaction' as const, record }))].sort((a, b) => timeOf(a) - timeOf(b));
    const acc = emptyPersonaAcc();
    start = performance.now();
    for (const r of records.slice(0, -300)) applyRecord(acc, r);
    const rebuildMs = performance.now() - start;
    const meta = { id: 'bench', version: 1, createdAt: Date.UTC(2026, 10, 1) };
    personaFromAcc(acc, meta);
    const perRecord: number[] = [];
    const perType: Record<PersonaRecord['type'], number[]> = { page: [], writing: [], reaction: [] };
    for (const r of records.slice(-300)) {
      const t = performance.now();
      applyRecord(acc, r);
      personaFromAcc(acc, meta);
      const ms = performance.now() - t;
      perRecord.push(ms);
      perType[r.type].push(ms);
    }
    // The live persona saves these counts now and then (persona-live.ts); IndexedDB structured-clones
    // them as v8.serialize does here.
    start = performance.now();
    const savedBytes = serialize(acc).length;
    const saveMs = performance.now() - start;
    const typeRow = (type: PersonaRecord['type']) => ({ value: `${f(quantile(perType[type], 0.5))} / ${f(quantile(perType[type], 0.95))} (${perType[type].length} records)`, goal: '≤ 3' });

    console.log(`\n=== ${size} records (${history.pages.length} pages, ${history.writings.length} writings, ${history.reactions.length} reactions) ===`);
    console.table({
      'records a task can draw evidence from': { value: `${index.size} of ${size} (before: newest 900)`, goal: 'all' },
      'evidence retrieval, top 20, whole history: p50 (ms)': { value: f(quantile(times, 0.5), 3), goal: '' },
      'evidence retrieval, top 20, whole history: p95 (ms)': { value: f(quantile(times, 0.95), 3), goal: '≤ 10' },
      'evidence retrieval, single run per query: p95 (ms)': { value: f(quantile(single, 0.95), 3), goal: '≤ 10' },
      'before: MiniSearch over the newest-N window, per job: p50 (ms)': { value: f(quantile(oldTimes, 0.5)), goal: '' },
      'index: term vector per record (ms)': { value: f(docMs, 3), goal: '' },
      'index: in-memory build from stored vectors (ms)': { value: f(buildMs, 0), goal: '' },
      'index: stored size in IndexedDB (MiB, JSON)': { value: f(storedBytes / MiB, 1), goal: 'measured' },
      'index: memory (MiB; heap delta with --expose-gc, else the postings and slots counted)': { value: f(heapBytes / MiB, 1), goal: 'measured' },
      'persona: full build (ms)': { value: f(rebuildMs, 0), goal: '' },
      'persona: one record + derived document p50 (ms)': { value: f(quantile(perRecord, 0.5)), goal: '≤ 3' },
      'persona: one record + derived document p95 (ms)': { value: f(quantile(perRecord, 0.95)), goal: '≤ 3' },
      'persona: one page + derived document p50 / p95 (ms)': typeRow('page'),
      'persona: one writing + derived document p50 / p95 (ms)': typeRow('writing'),
      'persona: one reaction + derived document p50 / p95 (ms)': typeRow('reaction'),
      'live persona: saved counts, size (MiB) / serialise (ms)': { value: `${f(savedBytes / MiB, 1)} / ${f(saveMs, 0)}`, goal: 'measured' },
    });
    const sizes = Object.keys(measured).map(Number).sort((a, b) => a - b);
    if (sizes.length >= 2) {
      const [a, b] = [sizes[0]!, sizes[sizes.length - 1]!];
      const grow = (key: 'storedMiB' | 'heapMiB') => measured[b]![key] + ((measured[b]![key] - measured[a]![key]) / (b - a)) * (500_000 - b);
      console.table({ 'estimated at 500k records (linear in the growth from 10k to 50k)': { 'stored index MiB': f(grow('storedMiB'), 0), 'index heap MiB': f(grow('heapMiB'), 0) } });
    }
  });
});
