import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { openDB, type IDBPDatabase } from 'idb';
import { afterAll, describe, expect, test } from 'vitest';
import { createDataStore } from '../../src/adapters/db/data-store';
import { createIngest, type IngestOp } from '../../src/adapters/db/ingest';
import { createJobStore } from '../../src/adapters/db/job-store';
import { DB_VERSION, MIGRATIONS } from '../../src/adapters/db/migrations';
import { createModelStore } from '../../src/adapters/db/model-store';
import { BLOCKED_MESSAGE, openDoppelDb } from '../../src/adapters/db/open-db';
import { createPersonaStore } from '../../src/adapters/db/persona-store';
import { createReportStore } from '../../src/adapters/db/report-store';
import type { DoppelDb } from '../../src/adapters/db/schema';
import { createEngineHost } from '../../src/adapters/engine/engine-host';
import { createPersonaRebuilder } from '../../src/adapters/engine/persona-rebuild';
import { ggufHeaderOnly } from '../../src/core/engine/gguf-header';
import type { LlmEngine } from '../../src/core/engine/port';
import type { GpuPreflight } from '../../src/core/engine/status';
import type { DoppelExport } from '../../src/core/export/schema';
import type { Job } from '../../src/core/model/job';
import type { PageRecord, ReactionRecord, WritingRecord } from '../../src/core/model/records';
import { scriptedEngine } from '../../src/core/persona/fake-engine';
import { newRebuildState } from '../../src/core/persona/rebuild';
import { syntheticRecords } from '../../src/core/persona/synthetic-records';
import { DoppelError, toAppError } from '../../src/core/result';
import { createFidelityRunner } from '../../src/entrypoints/offscreen/fidelity-runner';
import { seeded } from '../seeded';
import { mortal, orDeath } from './faults/mortal';

/**
 * Fault injection, in node against the real stores, pipelines and engine host over fake-indexeddb:
 * contexts killed at seeded points (their transactions abort, nothing in memory survives), the
 * quota filling mid-batch, an upgrade while an old page holds the database, a damaged model file.
 * After each: no record lost, none duplicated, every job finished, resumed or failed with a sentence.
 */
const tally = { kills: 0, faults: 0, lost: 0, duplicated: 0, stranded: 0 };
let dbCount = 0;
const freshName = (what: string) => `faults-${what}-${dbCount++}`;
const NO_GPU: GpuPreflight = { usable: false, adapter: 'none', shaderF16: false, maxStorageBufferBindingSize: 0, description: 'none', reason: 'none' };
const usage = { promptTokens: 1, prefilledTokens: 1, completionTokens: 1, decodeTokensPerSecond: 1 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const isSentence = (text: unknown) => typeof text === 'string' && text.length > 15 && /[.!?]$/.test(text.trim());

/** Reads with a connection of its own, as the next life (or the user's Options page) would. */
const survivor = (name: string) => openDoppelDb(name);

const duplicatesOf = (values: readonly string[]) => values.length - new Set(values).size;

afterAll(() => {
  console.log(`fault injection: ${tally.kills} kills / ${tally.faults} faults injected, records lost ${tally.lost}, duplicated ${tally.duplicated}, jobs stranded ${tally.stranded}`);
});

describe('kills during capture bursts (service worker)', () => {
  test('every acknowledged capture is stored once; an unacknowledged one is all there or not at all', async () => {
    const rng = seeded(1401);
    const name = freshName('capture');
    const acked = { writings: new Set<string>(), reactions: new Set<string>(), visits: new Map<string, number>() };
    const sent = new Map<string, number>();
    let kills = 0;
    let n = 0;
    for (let life = 0; life < 30; life++) {
      const sw = mortal(name, 1 + rng.int(3), rng.chance(0.5));
      const ingest = createIngest(sw.db, 2);
      const burst = Array.from({ length: 10 + rng.int(10) }, async (): Promise<void> => {
        await sleep(rng.int(12));
        const i = n++;
        const roll = rng.int(3);
        const at = 1_700_000_000_000 + i;
        let op: IngestOp;
        if (roll === 0) {
          const url = `https://site${rng.int(8)}.example/post`;
          sent.set(url, (sent.get(url) ?? 0) + 1);
          op = { type: 'page', page: { url, site: new URL(url).hostname, title: 'Post', text: `The text of ${url}`, contentHash: `hash-${url}`, at } };
        } else if (roll === 1) op = { type: 'writing', writing: { id: `w${i}`, url: 'https://forum.example/t', site: 'forum.example', text: `reply number ${i}`, source: 'form', createdAt: at } };
        else op = { type: 'reaction', reaction: { id: `r${i}`, url: 'https://forum.example/t', site: 'forum.example', kind: 'copy', at } as ReactionRecord };
        const answer = await orDeath(sw, ingest.write(op).then(() => 'ok' as const, () => 'failed' as const));
        if (answer !== 'ok') return;
        if (op.type === 'writing') acked.writings.add(op.writing.id);
        else if (op.type === 'reaction') acked.reactions.add(op.reaction.id);
        else if (op.type === 'page') acked.visits.set(op.page.url, (acked.visits.get(op.page.url) ?? 0) + 1);
      });
      await Promise.all(burst);
      if (sw.isDead()) kills++;
      else sw.kill();
    }
    const db = await survivor(name);
    const writings = await db.getAll('writings');
    const reactions = await db.getAll('reactions');
    const pages = await db.getAll('pages');
    let lost = [...acked.writings].filter((id) => !writings.some((w) => w.id === id)).length + [...acked.reactions].filter((id) => !reactions.some((r) => r.id === id)).length;
    let duplicated = duplicatesOf(writings.map((w) => w.text)) + duplicatesOf(pages.map((p) => p.url));
    for (const [url, count] of acked.visits) {
      const visits = pages.find((p) => p.url === url)?.visitCount ?? 0;
      if (visits < count) lost += count - visits;
      if (visits > (sent.get(url) ?? 0)) duplicated += visits - sent.get(url)!;
    }
    console.log(`capture bursts: ${n} captures in 30 lives, ${kills} kills, ${acked.writings.size + acked.reactions.size + [...acked.visits.values()].reduce((a, b) => a + b, 0)} acknowledged, lost ${lost}, duplicated ${duplicated}`);
    Object.assign(tally, { kills: tally.kills + kills, lost: tally.lost + lost, duplicated: tally.duplicated + duplicated });
    expect(kills).toBeGreaterThanOrEqual(15);
    expect(lost).toBe(0);
    expect(duplicated).toBe(0);
  }, 60_000);
});

const exportFile = (): DoppelExport => JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/fidelity-export.json'), 'utf8'));

const seedStores = async (name: string, data: Pick<DoppelExport, 'pages' | 'writings' | 'reactions'>) => {
  const db = await survivor(name);
  const tx = db.transaction(['pages', 'writings', 'reactions'], 'readwrite');
  await Promise.all([...data.pages.map((r) => tx.objectStore('pages').put(r)), ...data.writings.map((r) => tx.objectStore('writings').put(r)), ...data.reactions.map((r) => tx.objectStore('reactions').put(r)), tx.done]);
};

const ownRecords = (i: number): Pick<DoppelExport, 'pages' | 'writings' | 'reactions'> => ({
  pages: [],
  writings: Array.from({ length: 5 }, (_, k): WritingRecord => ({ id: `own-${i}-${k}`, url: 'https://mine.example/', site: 'mine.example', text: `my own words ${i} ${k}`, source: 'form', createdAt: k })),
  reactions: [],
});

type DataStore = ReturnType<typeof createDataStore>;
const IMPORT_KEY = 'fidelity-export.json:1:1';
const IMPORT_BATCH = 40;

/** What Options → Data → Import does against the store: the file's records in order, in batches, from the checkpoint on. */
const importFile = async (data: DataStore, file: DoppelExport): Promise<void> => {
  const items = (['pages', 'writings', 'reactions', 'personas'] as const).flatMap((kind) => (file[kind] as { id: string }[]).map((record) => ({ kind, record: record as Record<string, unknown> & { id: string } })));
  const checkpoint = await data.importCheckpoint();
  let done = checkpoint?.key === IMPORT_KEY ? checkpoint.done : 0;
  while (done < items.length) done = (await data.importBatch(IMPORT_KEY, done, items.slice(done, done + IMPORT_BATCH))).done;
  await data.finishImport();
};

/** What Export does: every kind paged through in key order. */
const exportAllOf = async (data: DataStore): Promise<Record<'pages' | 'writings' | 'reactions', { id: string }[]>> => {
  const out = { pages: [] as { id: string }[], writings: [] as { id: string }[], reactions: [] as { id: string }[] };
  for (const kind of ['pages', 'writings', 'reactions'] as const) {
    let after: string | undefined;
    for (;;) {
      const page = await data.page(kind, after, 50);
      if (!page.length) break;
      out[kind].push(...page);
      after = page[page.length - 1]!.id;
    }
  }
  return out;
};

describe('kills during import and export (service worker)', () => {
  test('an import killed mid-way keeps the batches it acknowledged; importing again resumes and adds nothing twice', async () => {
    const rng = seeded(1402);
    const file = exportFile();
    let kills = 0;
    let lost = 0;
    let duplicated = 0;
    for (let round = 0; round < 8; round++) {
      const name = freshName('import');
      await seedStores(name, ownRecords(round));
      const sw = mortal(name, 1 + rng.int(2), rng.chance(0.5));
      const first = await orDeath(sw, importFile(createDataStore(sw.db), file).then(() => 'ok' as const, () => 'failed' as const));
      if (sw.isDead()) kills++;
      const db = await survivor(name);
      const partial = await db.count('writings');
      // Never fewer than the user's own five, never more than the five plus the file's.
      if (partial < 5 || partial > 5 + file.writings.length) lost++;
      // The user imports again when the first did not say it finished.
      if (first !== 'ok') await importFile(createDataStore(() => survivor(name)), file);
      const writings = await db.getAll('writings');
      const pages = await db.getAll('pages');
      duplicated += duplicatesOf(writings.map((w) => w.id)) + duplicatesOf(pages.map((p) => p.url));
      lost += file.writings.filter((w) => !writings.some((x) => x.id === w.id)).length + ownRecords(round).writings.filter((w) => !writings.some((x) => x.id === w.id)).length;
      lost += file.pages.length - pages.length;
    }
    console.log(`import: 8 runs, ${kills} kills, lost ${lost}, duplicated ${duplicated}`);
    Object.assign(tally, { kills: tally.kills + kills, lost: tally.lost + lost, duplicated: tally.duplicated + duplicated });
    expect(kills).toBeGreaterThanOrEqual(6);
    expect(lost).toBe(0);
    expect(duplicated).toBe(0);
  }, 60_000);

  test('an export killed mid-way changes nothing; the next export has every record', async () => {
    const rng = seeded(1403);
    const file = exportFile();
    let kills = 0;
    let lost = 0;
    const name = freshName('export');
    await seedStores(name, file);
    for (let round = 0; round < 6; round++) {
      // Killed while its read transaction is open (a finished export has nothing left to kill).
      const sw = mortal(name, 1 + rng.int(4), false);
      if ((await orDeath(sw, exportAllOf(createDataStore(sw.db)).catch(() => null))) === 'killed') kills++;
      const again = await exportAllOf(createDataStore(() => survivor(name)));
      lost += file.pages.length - again.pages.length + file.writings.length - again.writings.length + file.reactions.length - again.reactions.length;
    }
    console.log(`export: 6 runs, ${kills} kills, lost ${lost}`);
    Object.assign(tally, { kills: tally.kills + kills, lost: tally.lost + lost });
    expect(kills).toBe(6);
    expect(lost).toBe(0);
  }, 60_000);
});

/** Polls the stored state until `settled` says the work is over, or the life ends. */
const until = async <T>(read: () => Promise<T>, settled: (value: T) => boolean): Promise<T> => {
  for (;;) {
    const value = await read();
    if (settled(value)) return value;
    await sleep(5);
  }
};

describe('kills during the persona rebuild and the fidelity report (engine host)', () => {
  test('a rebuild killed again and again resumes from its checkpoint and ends with one new version', async () => {
    const rng = seeded(1404);
    const name = freshName('rebuild');
    const records = syntheticRecords(60, 7);
    const db = await survivor(name);
    for (const r of records) await db.put(r.type === 'page' ? 'pages' : r.type === 'writing' ? 'writings' : 'reactions', r.record as never);
    await createPersonaStore(() => survivor(name)).saveState(newRebuildState(1, Date.now()));
    const persona = scriptedEngine({ generate: (r) => (JSON.stringify(r.jsonSchema).includes('hallucination') ? '{"hallucination": 9, "coverage": 9, "conciseness": 9, "relevance": 9, "overall": 9}' : '{"text": "They bake and cycle."}'), score: () => [1, 2, 3, 2, 1] });
    let kills = 0;
    let lives = 0;
    for (; lives < 40; lives++) {
      const host = mortal(name, 1 + rng.int(60), rng.chance(0.5));
      const personas = createPersonaStore(host.db);
      createPersonaRebuilder({ use: (work) => work(host.engine(persona)) }, personas).start();
      const end = await orDeath(host, until(() => createPersonaStore(() => survivor(name)).state(), (s) => s?.status !== 'running'));
      if (host.isDead()) kills++;
      else host.kill();
      if (end !== 'killed') break;
    }
    const state = await createPersonaStore(() => survivor(name)).state();
    const docs = await db.getAll('personas');
    const ids = new Set(records.map((r) => r.record.id));
    const unresolved = docs.flatMap((d) => d.claims.flatMap((c) => c.evidence.filter((e) => !ids.has(e))));
    const stranded = state?.status === 'done' ? 0 : 1;
    const duplicated = docs.filter((d) => d.version === 1).length - 1;
    const lost = records.length - ((await db.count('pages')) + (await db.count('writings')) + (await db.count('reactions'))) + unresolved.length;
    console.log(`persona rebuild: ${lives + 1} lives, ${kills} kills, status ${state?.status}, versions ${docs.map((d) => d.version).join(',')}, unresolved evidence ${unresolved.length}`);
    Object.assign(tally, { kills: tally.kills + kills, lost: tally.lost + lost, duplicated: tally.duplicated + duplicated, stranded: tally.stranded + stranded });
    expect(kills).toBeGreaterThanOrEqual(8);
    expect(stranded).toBe(0);
    expect(duplicated).toBe(0);
    expect(lost).toBe(0);
  }, 120_000);

  test('a fidelity report killed again and again is resumed, not restarted, and finishes once', async () => {
    const rng = seeded(1405);
    const name = freshName('fidelity');
    const file = exportFile();
    const db = await survivor(name);
    for (const store of ['pages', 'writings', 'reactions', 'personas'] as const) for (const record of file[store]) await db.put(store, record as never);
    let generations = 0;
    const engine: LlmEngine = {
      kind: 'wllama',
      modelId: 'double',
      generate: async () => (generations++, { text: 'aye, cheers', finishReason: 'stop', usage }),
      scoreOptions: () => Promise.reject(new DoppelError('engine_unavailable', 'This engine cannot score options yet.')),
      unload: async () => {},
    };
    let kills = 0;
    let lives = 0;
    for (; lives < 60; lives++) {
      const host = mortal(name, 1 + rng.int(50), rng.chance(0.5));
      const runner = createFidelityRunner({ host: { use: (work) => work(host.engine(engine)) }, reports: createReportStore(host.db) });
      const end = await orDeath(host, runner.start().then(() => runner.whenIdle()));
      if (host.isDead()) kills++;
      else host.kill();
      // Killed just after it finished: the report is done, and nobody starts another.
      if (end !== 'killed' || (await createReportStore(() => survivor(name)).latest())?.status === 'done') break;
    }
    const reports = await db.getAll('reports');
    const stranded = reports.filter((r) => r.status !== 'done').length;
    const duplicated = reports.length - 1;
    const style = reports[0]?.tasks.find((t) => t.predictor === 'engine' && t.task === 'style');
    console.log(`fidelity report: ${lives + 1} lives, ${kills} kills, ${generations} engine drafts, reports ${reports.length}, status ${reports.map((r) => r.status).join(',')}, style n ${style?.n}`);
    Object.assign(tally, { kills: tally.kills + kills, duplicated: tally.duplicated + duplicated, stranded: tally.stranded + stranded });
    expect(kills).toBeGreaterThanOrEqual(6);
    expect(stranded).toBe(0);
    expect(duplicated).toBe(0);
    // The same report run without a single kill, as the reference the killed one must match.
    const clean = freshName('fidelity-clean');
    const cleanDb = await survivor(clean);
    for (const store of ['pages', 'writings', 'reactions', 'personas'] as const) for (const record of file[store]) await cleanDb.put(store, record as never);
    const reference = createFidelityRunner({ host: { use: (work) => work(engine) }, reports: createReportStore(() => survivor(clean)) });
    await reference.start().then(() => reference.whenIdle());
    const expected = (await cleanDb.getAll('reports'))[0]!.tasks.find((t) => t.predictor === 'engine' && t.task === 'style');
    expect(style).toMatchObject({ status: 'ok', n: expected!.n });
  }, 120_000);
});

const slowEngine = (tokens = 6): LlmEngine => ({
  kind: 'wllama',
  modelId: 'slow',
  async generate(_request, onToken, signal) {
    let text = '';
    for (let i = 0; i < tokens && !signal.aborted; i++) {
      await sleep(1);
      text += 'x';
      onToken('x');
    }
    return { text, finishReason: signal.aborted ? 'aborted' : 'stop', usage };
  },
  scoreOptions: async () => ({ probabilities: [1], method: 'logprobs', usage }),
  unload: async () => {},
});

const draftJob = (id: string): Job => ({ id, kind: 'draft', status: 'queued', createdAt: 1, updatedAt: 1, title: id, messages: [{ role: 'user', content: id }], maxTokens: 6, temperature: 0, output: '', tokens: 0 });

describe('kills during generation (engine host)', () => {
  test('every job ends done, or failed with a sentence the requester sees; none waits forever', async () => {
    const rng = seeded(1406);
    let kills = 0;
    let stranded = 0;
    let jobsRun = 0;
    for (let round = 0; round < 10; round++) {
      const name = freshName('generate');
      await createModelStore(() => survivor(name)).add(new Blob([ggufHeaderOnly()]), 'm');
      const ids = Array.from({ length: 3 }, (_, i) => `job-${round}-${i}`);
      for (const id of ids) await createJobStore(() => survivor(name)).put(draftJob(id));
      jobsRun += ids.length;
      const life = mortal(name, 2 + rng.int(10), rng.chance(0.5));
      const host = createEngineHost({ jobs: createJobStore(life.db), models: createModelStore(life.db), preflight: async () => NO_GPU, loadCpuEngine: async () => life.engine(slowEngine()), persistEveryMs: 0 });
      await orDeath(life, Promise.all(ids.map((id) => host.generate(id, () => {}, new AbortController().signal))));
      if (life.isDead()) kills++;
      else life.kill();
      // The next host settles what the dead one left running; requesters that reconnect run the rest.
      const next = createEngineHost({ jobs: createJobStore(() => survivor(name)), models: createModelStore(() => survivor(name)), preflight: async () => NO_GPU, loadCpuEngine: async () => slowEngine(), persistEveryMs: 0 });
      await next.orphansSettled;
      const jobs = createJobStore(() => survivor(name));
      const replies: string[] = [];
      for (const id of ids) await next.generate(id, (m) => replies.push(m.type), new AbortController().signal);
      for (const id of ids) {
        const job = (await jobs.get(id))!;
        if (!(job.status === 'done' || (job.status === 'failed' && isSentence(job.error?.message)))) stranded++;
      }
      if (replies.length < ids.length) stranded += ids.length - replies.length;
    }
    console.log(`generation: ${jobsRun} jobs in 10 rounds, ${kills} kills, stranded ${stranded}`);
    Object.assign(tally, { kills: tally.kills + kills, stranded: tally.stranded + stranded });
    expect(kills).toBeGreaterThanOrEqual(8);
    expect(stranded).toBe(0);
  }, 60_000);
});

/** A connection whose `failAt`-th put finds the disk full: IndexedDB then aborts the whole transaction. */
const quotaAt = (name: string, failAt: number) => {
  // Counted across the connections this factory hands out.
  let puts = 0;
  return async (): Promise<IDBPDatabase<DoppelDb>> => {
    const raw = await openDoppelDb(name);
    const wrapStore = (store: object, tx: { abort(): void }) =>
      new Proxy(store, {
        get(target, key) {
          const value = Reflect.get(target, key, target);
          if (key !== 'put') return typeof value === 'function' ? value.bind(target) : value;
          return (...args: unknown[]) => {
            const request = (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
            if (++puts !== failAt) return request;
            // As in a browser: the write is queued, then fails asynchronously and takes the transaction down.
            request.catch(() => {});
            return new Promise((_resolve, reject) =>
              queueMicrotask(() => {
                tx.abort();
                reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
              }),
            );
          };
        },
      });
    return new Proxy(raw, {
      get(target, key) {
        const value = Reflect.get(target, key, target);
        if (key !== 'transaction') return typeof value === 'function' ? value.bind(target) : value;
        return (...args: Parameters<IDBPDatabase<DoppelDb>['transaction']>) => {
          const tx = target.transaction(...args);
          return new Proxy(tx, {
            get(t, k) {
              if (k === 'objectStore') return (s: string) => wrapStore((t.objectStore as unknown as (s: string) => object).call(t, s), t);
              if (k === 'store') return wrapStore(Reflect.get(t, k, t) as unknown as object, t);
              const v = Reflect.get(t, k, t);
              return typeof v === 'function' ? v.bind(t) : v;
            },
          });
        };
      },
    });
  };
};

describe('the quota fills mid-batch', () => {
  test('a capture batch is kept whole or not at all, callers hear what to do, and a retry stores it once', async () => {
    let faults = 0;
    let lost = 0;
    let duplicated = 0;
    for (let failAt = 1; failAt <= 6; failAt++) {
      const name = freshName('quota');
      await seedStores(name, ownRecords(failAt));
      const ingest = createIngest(quotaAt(name, failAt), 5);
      const ops: IngestOp[] = Array.from({ length: 6 }, (_, i) => ({ type: 'writing', writing: { id: `q${i}`, url: 'https://forum.example/', site: 'forum.example', text: `batch writing ${i}`, source: 'form', createdAt: i } }));
      const answers = await Promise.allSettled(ops.map((op) => ingest.write(op)));
      faults++;
      const db = await survivor(name);
      const stored = await db.getAll('writings');
      const fromBatch = stored.filter((w) => w.id.startsWith('q')).length;
      if (fromBatch !== 0) console.log('half batch', failAt, fromBatch);
      if (fromBatch !== 0) lost++; // a half-written batch
      lost += 5 - stored.filter((w) => w.id.startsWith('own-')).length;
      for (const answer of answers) {
        const error = answer.status === 'rejected' ? toAppError(answer.reason) : null;
        if (!error || error.code !== 'quota' || !isSentence(error.message)) console.log('answer', failAt, answer.status, error);
        if (!error || error.code !== 'quota' || !isSentence(error.message)) lost++;
      }
      // Space freed: the content script's next capture (or the user's retry) stores each one once.
      await Promise.all(ops.map((op) => createIngest(() => survivor(name), 5).write(op)));
      const after = await db.getAll('writings');
      duplicated += duplicatesOf(after.map((w) => w.text));
      lost += ops.filter((op) => op.type === 'writing' && !after.some((w) => w.id === op.writing.id)).length;
    }
    const importName = freshName('quota-import');
    await seedStores(importName, ownRecords(99));
    const file = exportFile();
    const refused = await importFile(createDataStore(quotaAt(importName, 40)), file).then(() => null, (e: unknown) => toAppError(e));
    faults++;
    const afterImport = await (await survivor(importName)).getAll('writings');
    if (refused?.code !== 'quota' || afterImport.length !== 5) {
      console.log('quota import', refused, afterImport.length);
      lost++;
    }
    console.log(`quota: ${faults} faults, lost ${lost}, duplicated ${duplicated}`);
    Object.assign(tally, { faults: tally.faults + faults, lost: tally.lost + lost, duplicated: tally.duplicated + duplicated });
    expect(lost).toBe(0);
    expect(duplicated).toBe(0);
  }, 60_000);
});

/** Opens `name` at exactly `version`, as a page still running an older Doppel would. */
const openOld = (name: string, version: number, closeOnVersionChange: boolean) =>
  openDB<DoppelDb>(name, version, {
    upgrade: (db, oldVersion, _new, tx) => {
      for (let v = oldVersion; v < version; v++) MIGRATIONS[v]!(db, tx);
    },
    ...(closeOnVersionChange ? { blocking: (_c: number, _n: number | null, event: IDBVersionChangeEvent) => (event.target as IDBDatabase).close() } : {}),
  });

describe('a schema upgrade while another extension page holds the old version open', () => {
  test('a page that closes on versionchange lets the upgrade through; one that does not is named in a sentence, and the upgrade follows once it lets go', async () => {
    let faults = 0;
    let lost = 0;
    const page: PageRecord = { id: 'p1', url: 'https://example.com/a', site: 'example.com', title: 'A', text: 'Some text', contentHash: 'abc', firstVisit: 1, lastVisit: 2, visitCount: 3, dwellMs: 0, maxScroll: 0 };

    const polite = freshName('versionchange');
    const old = await openOld(polite, DB_VERSION - 1, true);
    await old.put('pages', page);
    const upgraded = await openDoppelDb(polite, 2000);
    faults++;
    expect(upgraded.version).toBe(DB_VERSION);
    lost += (await upgraded.get('pages', 'p1')) ? 0 : 1;
    // The old page's connection is closed: its next use fails instead of writing to a schema it does not know.
    expect(() => old.transaction('pages')).toThrow();

    const stubborn = freshName('blocked');
    const holder = await openOld(stubborn, DB_VERSION - 1, false);
    await holder.put('pages', page);
    const blocked = await openDoppelDb(stubborn, 100).then(() => null, (e: unknown) => toAppError(e));
    faults++;
    expect(blocked?.message).toBe(BLOCKED_MESSAGE);
    holder.close();
    const later = await openDoppelDb(stubborn, 2000);
    expect(later.version).toBe(DB_VERSION);
    lost += (await later.get('pages', 'p1')) ? 0 : 1;
    console.log(`versionchange: ${faults} faults, lost ${lost}`);
    Object.assign(tally, { faults: tally.faults + faults, lost: tally.lost + lost });
    expect(lost).toBe(0);
  }, 30_000);
});

describe('a damaged model file', () => {
  test('jobs on a damaged or truncated model fail with a sentence, and none is left waiting', async () => {
    let faults = 0;
    let stranded = 0;
    const real = readFileSync(resolve(import.meta.dirname, '../../../shared/fixtures/models/stories260K.gguf'));
    const damaged = [new Uint8Array(real.subarray(0, 10)), Uint8Array.from(real.subarray(0, 4096), (b, i) => (i < 8 ? b ^ 0xff : b)), new TextEncoder().encode('<html>Not found</html>')];
    for (const bytes of damaged) {
      const name = freshName('model');
      await createModelStore(() => survivor(name)).add(new Blob([bytes]), 'broken.gguf');
      const jobs = createJobStore(() => survivor(name));
      await jobs.put(draftJob('on-damaged'));
      let loads = 0;
      const host = createEngineHost({ jobs, models: createModelStore(() => survivor(name)), preflight: async () => NO_GPU, loadCpuEngine: async () => (loads++, slowEngine()) });
      const replies: { type: string; message?: string }[] = [];
      await host.generate('on-damaged', (m) => replies.push(m as { type: string; message?: string }), new AbortController().signal);
      faults++;
      const job = (await jobs.get('on-damaged'))!;
      if (job.status !== 'failed' || !isSentence(job.error?.message) || !job.error!.message.includes('damaged')) stranded++;
      if (replies.at(-1)?.type !== 'error' || loads !== 0) stranded++;
    }
    console.log(`damaged model: ${faults} faults, stranded ${stranded}`);
    Object.assign(tally, { faults: tally.faults + faults, stranded: tally.stranded + stranded });
    expect(stranded).toBe(0);
  }, 30_000);
});

describe('summary', () => {
  test('at least 50 kills in all, and every count that matters is 0', () => {
    expect(tally.kills).toBeGreaterThanOrEqual(50);
    expect(tally).toMatchObject({ lost: 0, duplicated: 0, stranded: 0 });
  });
});
