import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { buildDeterministicPersona } from '../../core/persona/accumulator';
import type { PersonaDoc } from '../../core/persona/types';
import { createDataStore } from './data-store';
import { createIngest, type IngestOp } from './ingest';
import { openDoppelDb } from './open-db';
import { createLivePersona } from './persona-live';
import { LIVE_MARK_ID, LIVE_PERSONA_ID } from './persona-live-rows';
import { createPersonaStore } from './persona-store';

let n = 0;
const setUp = () => {
  const handle = openDoppelDb(`persona-live-${n++}`);
  const db = () => handle;
  const personas = createPersonaStore(db);
  return { db, personas };
};
const T0 = Date.UTC(2026, 9, 1, 9);
const writing = (i: number, text: string): IngestOp => ({
  type: 'writing',
  writing: { id: `w${i}`, url: `https://forum.example/t/${i}`, site: 'forum.example', text, source: 'form', createdAt: T0 + i * 3_600_000 },
});
const page = (i: number, url: string, text: string, title = `Page ${i}`): IngestOp => ({ type: 'page', page: { url, site: new URL(url).hostname, title, text, contentHash: `h${i}-${text.length}`, at: T0 + i * 3_600_000 } });
const TEXTS = [
  'Hi all, I rebuilt the tiller on my dinghy this weekend and the new pintles fit well. Cheers, Sam',
  'Honestly the harbour fees went up again; the mooring committee should publish the accounts.',
  'Thanks! I would rig the jib sheets outside the shrouds on that boat, it points higher that way.',
  'Hi, does anyone know a good sailmaker near the estuary? Mine retired. Cheers, Sam',
];

/** The measured layer, as a full rebuild from the stored records would give it. */
const measuredFromStores = async (personas: ReturnType<typeof createPersonaStore>, doc: PersonaDoc) => {
  const full = buildDeterministicPersona(await personas.records(), doc);
  return { basis: full.basis, style: full.style, interests: full.interests, topSites: full.topSites, rhythm: full.rhythm };
};
const measured = (doc: PersonaDoc) => ({ basis: doc.basis, style: doc.style, interests: doc.interests, topSites: doc.topSites, rhythm: doc.rhythm });

describe('the live persona', () => {
  it('does nothing before a persona exists, then keeps its measured layer equal to a rebuild as records come', async () => {
    const { db, personas } = setUp();
    const live = createLivePersona(db, { publishMs: 1, snapshotMs: 1 });
    const ingest = createIngest(db, 1, { persona: live });
    await ingest.write(writing(0, TEXTS[0]!));
    await live.settled();
    expect(await (await db()).get('pipelines', LIVE_PERSONA_ID)).toBeUndefined();

    const built = { ...buildDeterministicPersona(await personas.records(), { id: 'persona-v1', version: 1, createdAt: T0 }), summary: 'Sails a dinghy.' };
    await personas.save(built);
    await Promise.all([ingest.write(writing(1, TEXTS[1]!)), ingest.write(page(2, 'https://club.example/racing', 'Racing results for the dinghy fleet, harbour series, race four.'))]);
    await ingest.write(page(3, 'https://club.example/racing', 'Racing results for the dinghy fleet, harbour series, race five, revised.'));
    await live.settled();
    const doc = (await personas.latest())!;
    expect(doc.id).toBe('persona-v1');
    expect(doc.summary).toBe('Sails a dinghy.');
    expect(doc.basis).toEqual({ pages: 1, writings: 2, reactions: 0 });
    expect(measured(doc)).toEqual(await measuredFromStores(personas, doc));
    const row = await (await db()).get('pipelines', LIVE_PERSONA_ID);
    const mark = await (await db()).get('pipelines', LIVE_MARK_ID);
    expect(row?.kind === 'persona-live' && mark?.kind === 'persona-live-mark' && row.seq === mark.seq).toBe(true);
  });

  it('a new service-worker life goes on from the saved counts, which a deletion takes its records out of', async () => {
    const { db, personas } = setUp();
    const first = createLivePersona(db, { publishMs: 1, snapshotMs: 1 });
    await personas.save(buildDeterministicPersona([], { id: 'persona-v1', version: 1, createdAt: T0 }));
    const ingest = createIngest(db, 1, { persona: first });
    for (const [i, text] of TEXTS.slice(0, 3).entries()) await ingest.write(writing(i, text));
    await first.settled();

    // A later life reads the saved counts instead of every record: a writing put straight into the
    // store (no mark, as nothing in Doppel does) is not counted, which a full count would have done.
    await (await db()).put('writings', { id: 'stray', url: 'https://x.example/', site: 'x.example', text: 'A stray note.', source: 'form', createdAt: T0 });
    const middle = createLivePersona(db, { publishMs: 1, snapshotMs: 1 });
    await createIngest(db, 1, { persona: middle }).write(writing(7, 'Cheers, the slipway is open again.'));
    await middle.settled();
    expect((await personas.latest())!.basis).toEqual({ pages: 0, writings: 4, reactions: 0 });
    await createDataStore(db).remove('writings', ['w7']);

    // The worker dies; the user deletes a writing from Options (another life of the worker, which
    // holds no counts): the deleting transaction takes it out of the saved counts.
    await createDataStore(db).remove('writings', ['w1']);
    const saved = await (await db()).get('pipelines', LIVE_PERSONA_ID);
    const mark = await (await db()).get('pipelines', LIVE_MARK_ID);
    expect(saved?.kind === 'persona-live' && mark?.kind === 'persona-live-mark' && saved.seq === mark.seq).toBe(true);
    expect(saved?.kind === 'persona-live' && saved.acc.basis).toEqual({ pages: 0, writings: 2, reactions: 0 });
    expect(JSON.stringify((await personas.latest())!.interests)).not.toContain('"w1"');

    const second = createLivePersona(db, { publishMs: 1, snapshotMs: 1 });
    await createIngest(db, 1, { persona: second }).write(writing(3, TEXTS[3]!));
    await second.settled();
    // Three, not four: the stray writing is still in the store, so nothing counted every record again.
    expect((await personas.latest())!.basis).toEqual({ pages: 0, writings: 3, reactions: 0 });
    await (await db()).delete('writings', 'stray');
    const doc = (await personas.latest())!;
    expect(JSON.stringify(doc)).not.toContain('"w1"');
    expect(measured(doc)).toEqual(await measuredFromStores(personas, doc));

    // The first life's counts, still in memory, would bring w1 back: its next batch sees the mark moved.
    await ingest.write(writing(4, 'Cheers all, see you at the slipway on Sunday.'));
    await first.settled();
    const after = (await personas.latest())!;
    expect(JSON.stringify(after)).not.toContain('"w1"');
    expect(measured(after)).toEqual(await measuredFromStores(personas, after));
  });

  it('hears of deletions from Options, the persona page and retention, with saved counts behind its own', async () => {
    const { db, personas } = setUp();
    // Counts are saved only when asked (settled), so the saved copy falls behind the ones in memory.
    const live = createLivePersona(db, { publishMs: 1, snapshotMs: 3_600_000 });
    await personas.save(buildDeterministicPersona([], { id: 'persona-v1', version: 1, createdAt: T0 }));
    const ingest = createIngest(db, 1, { persona: live });
    await ingest.write(writing(0, TEXTS[0]!));
    await live.settled();
    for (const [i, text] of TEXTS.slice(1).entries()) await ingest.write(writing(i + 1, text));
    await ingest.write(page(-1, 'https://club.example/racing', 'Racing results for the dinghy fleet, harbour series, race four.'));
    await (await db()).put('writings', { id: 'stray', url: 'https://x.example/', site: 'x.example', text: 'A stray note.', source: 'form', createdAt: T0 + 86_400_000 });

    const data = createDataStore(db, undefined, live);
    await data.remove('writings', ['w1']);
    // Behind the mark, the saved counts go: they still hold w1.
    expect(await (await db()).get('pipelines', LIVE_PERSONA_ID)).toBeUndefined();
    await createPersonaStore(db, live).forgetRecord('w2');
    const pageId = (await (await db()).getAll('pages'))[0]!.id;
    // Older than a day at T0 + 30 minutes + a day: the page (T0 − 1 h) and w0 (T0).
    const ids = await data.enforceRetention({ maxAgeDays: 1, maxBytes: 0 }, T0 + 1_800_000 + 86_400_000);
    expect(ids.sort()).toEqual([pageId, 'w0'].sort());
    await live.settled();

    const doc = (await personas.latest())!;
    // What is left of Doppel's own: w3 (the stray writing was never counted, so nothing counted every record again).
    expect(doc.basis).toEqual({ pages: 0, writings: 1, reactions: 0 });
    for (const id of ['w0', 'w1', 'w2', pageId]) expect(JSON.stringify(doc)).not.toContain(`"${id}"`);
    await (await db()).delete('writings', 'stray');
    expect(measured(doc)).toEqual(await measuredFromStores(personas, doc));
  });

  it('counts everything again a page at a time: captures and deletions commit meanwhile, and each is counted once', async () => {
    const { db, personas } = setUp();
    await personas.save(buildDeterministicPersona([], { id: 'persona-v1', version: 1, createdAt: T0 }));
    // Records from before the counts (a new service-worker life with nothing saved counts them all).
    const seed = createIngest(db, 1);
    for (let i = 0; i < 40; i++) await seed.write(i % 2 ? writing(i, `${TEXTS[i % 4]!} (${i})`) : page(i, `https://club.example/p/${String(i).padStart(2, '0')}`, `Harbour notes, entry ${i}: the dinghy fleet and the mooring list.`));

    // The count's read transactions (a store and the mark), in order with the other writes' commits.
    const events: string[] = [];
    let started!: () => void;
    const countStarted = new Promise<void>((resolve) => (started = resolve));
    const watched = async () => {
      const d = await db();
      return new Proxy(d, {
        get: (target, key) => {
          const value = Reflect.get(target, key, target) as unknown;
          if (key !== 'transaction') return typeof value === 'function' ? value.bind(target) : value;
          return (stores: string | string[], mode?: IDBTransactionMode) => {
            if (mode === undefined && Array.isArray(stores) && stores.includes('pipelines') && stores.some((s) => ['pages', 'writings', 'reactions'].includes(s))) {
              events.push('count');
              started();
            }
            return target.transaction(stores as never, mode);
          };
        },
      });
    };
    const live = createLivePersona(watched, { publishMs: 1, snapshotMs: 1, scanPage: 2 });
    const ingest = createIngest(db, 1, { persona: live });
    const data = createDataStore(db, undefined, live);
    // This batch finds no saved counts, so every record is counted again (about 30 read transactions).
    await ingest.write(writing(100, 'Cheers, the slipway is open again.'));
    await countStarted;
    // While the count runs: a new writing, a page read again (its older version replaced), a page
    // added at a key the count has passed or not reached yet, and deletions on either side.
    await Promise.all([
      ingest.write(writing(101, 'Hi all, the pier lights are out again. Cheers, Sam')),
      ingest.write(page(102, 'https://club.example/p/00', 'Harbour notes, entry 0, revised: the fleet goes out at nine.')),
      ingest.write(page(103, 'https://club.example/p/38', 'Harbour notes, entry 38, revised after the race.')),
    ]);
    await data.remove('writings', ['w1', 'w39']);
    events.push('committed');
    await live.settled();
    // The count went on after they committed: they did not wait behind it.
    expect(events.slice(events.indexOf('committed'))).toContain('count');

    const doc = (await personas.latest())!;
    expect(doc.basis).toEqual({ pages: 20, writings: 18 + 2, reactions: 0 });
    expect(measured(doc)).toEqual(await measuredFromStores(personas, doc));
    const row = await (await db()).get('pipelines', LIVE_PERSONA_ID);
    expect(row?.kind === 'persona-live' && row.acc.basis).toEqual(doc.basis);
  });

  it('keeps the user’s deletions of claims and the claims a rebuild wrote', async () => {
    const { db, personas } = setUp();
    const live = createLivePersona(db, { publishMs: 1, snapshotMs: 1 });
    const ingest = createIngest(db, 1, { persona: live });
    for (const [i, text] of TEXTS.entries()) await ingest.write(writing(i, text));
    for (let i = 0; i < 6; i++) await ingest.write(page(10 + i, `https://club.example/news/${i}`, `Dinghy racing: the harbour series, race ${i}. Dinghy racing results and the mooring list.`, `Dinghy racing: harbour series ${i}`));
    const base = buildDeterministicPersona(await personas.records(), { id: 'persona-v2', version: 2, createdAt: T0 });
    expect(base.claims.length, JSON.stringify(base.interests.slice(0, 3))).toBeGreaterThan(1);
    const gone = base.claims[0]!.id;
    const stance = { id: 'stance:fees', text: 'Thinks harbour fees are too high', kind: 'stance' as const, evidence: ['w1'], confidence: 0.8, firstSeen: T0, lastSeen: T0, origin: 'inferred' as const };
    await personas.save({ ...base, claims: [...base.claims.slice(1), stance], suppressed: [gone] });
    await ingest.write(writing(9, TEXTS[0]!.replace('tiller', 'rudder')));
    await live.settled();
    const doc = (await personas.latest())!;
    expect(doc.claims.some((c) => c.id === gone)).toBe(false);
    expect(doc.claims).toContainEqual(stance);
    expect(doc.basis?.writings).toBe(5);
  });
});
