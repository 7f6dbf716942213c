import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { expectNoLeaks, HAS_MODEL, launchDoppel, MODEL_SKIP_REASON, REPO, type Doppel } from './harness';
import { addStoriesModel, allRecordsIn } from './helpers';

interface StoredClaim { id: string; evidence: string[] }
interface StoredDoc { id: string; version: number; claims: StoredClaim[]; kind?: string; status?: string; error?: string; progress: { done: number; total: number }; createdAt: number }

const fixture = JSON.parse(readFileSync(join(REPO, 'tests/fixtures/persona-export.json'), 'utf8')) as { pages: { id: string }[]; writings: { id: string; text: string }[]; reactions: { id: string }[] };
const SECRET = fixture.writings[0]!.text.split('\n')[1]!;

let doppel: Doppel;
beforeEach(async () => {
  doppel = await launchDoppel();
});
afterEach(async () => {
  await doppel.close();
});

/** Puts the fictional fixture history into Doppel's IndexedDB, as capture would have. */
const seedHistory = () =>
  doppel.inWorker(
    (data) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('doppel');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['pages', 'writings', 'reactions'], 'readwrite');
          for (const store of ['pages', 'writings', 'reactions'] as const) for (const record of data[store]) tx.objectStore(store).put(record);
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
    fixture,
  );

const call = (page: Page, method: string, params: object) =>
  page.evaluate(([m, p]) => chrome.runtime.sendMessage({ method: m, params: p, to: 'background' }), [method, params] as const);

/** The page reads go through: it stays usable while the service worker is stopped. */
let reader: Page;
const allRecords = <T,>(_d: Doppel, store: string): Promise<T[]> => allRecordsIn<T>(reader, store);

/** The stored persona versions, and the persisted rebuild job (in the jobs store). */
const personas = async () => {
  const docs = await allRecords<StoredDoc>(doppel, 'personas');
  const state = (await allRecords<StoredDoc>(doppel, 'pipelines')).find((j) => j.id === 'persona-rebuild');
  return { state, docs: docs.sort((a, b) => a.version - b.version) };
};

const storedIds = async () => {
  const ids = new Set<string>();
  for (const store of ['pages', 'writings', 'reactions']) for (const r of await allRecords<{ id: string }>(doppel, store)) ids.add(r.id);
  return ids;
};

const expectEvidenceResolves = async () => {
  const ids = await storedIds();
  const { docs } = await personas();
  expect(docs.length).toBeGreaterThan(0);
  for (const doc of docs) for (const claim of doc.claims ?? []) {
    expect(claim.evidence.length).toBeGreaterThan(0);
    for (const id of claim.evidence) expect(ids.has(id), `${claim.id} cites ${id}`).toBe(true);
  }
};

const waitForRebuild = () => expect.poll(async () => (await personas()).state?.status, { timeout: 110_000, interval: 250 }).toBe('done');

test.skipIf(!HAS_MODEL)(`a persona rebuild over a fixture history completes on the CPU engine, every claim's evidence resolves, and the Options section shows it (${HAS_MODEL ? 'stories260K' : MODEL_SKIP_REASON})`, async () => {
  const options = await addStoriesModel(doppel);
  reader = options;
  await seedHistory();
  const reply = (await call(options, 'persona.rebuild', {})) as { ok: boolean };
  expect(reply.ok).toBe(true);
  await waitForRebuild();
  const { docs, state } = await personas();
  expect(state!.progress).toEqual({ done: state!.progress.total, total: state!.progress.total });
  const doc = docs.at(-1)!;
  const dropped = (state as unknown as { checkpoint: { dropped: { kind: string; reason: string }[] } }).checkpoint.dropped;
  console.log(`stories260K rebuild: ${doc.claims.length} claims kept; dropped: ${dropped.map((d) => `${d.kind} (${d.reason.slice(0, 50)})`).join('; ')}`);
  expect(doc.version).toBe(1);
  expect(doc.claims.length).toBeGreaterThan(0);
  await expectEvidenceResolves();

  const page = await doppel.page('options/index.html#persona');
  await page.locator('[data-testid=persona][data-version="1"]').waitFor();
  await page.locator('[data-testid=rebuild-status][data-status=done]').waitFor();
  expect(await page.getByTestId('claim').count()).toBe(doc.claims.length);
  await page.getByTestId('claim').first().getByRole('button', { name: /Evidence/ }).click();
  await page.getByTestId('evidence-list').locator('a').first().waitFor();
  expectNoLeaks(doppel, [SECRET]);
});

test.skipIf(!HAS_MODEL)('a rebuild resumes from its checkpoint after the service worker and the engine host are killed mid-rebuild', async () => {
  const options = await addStoriesModel(doppel);
  reader = options;
  await seedHistory();
  await call(options, 'persona.rebuild', {});
  await expect.poll(async () => (await personas()).state?.progress?.done ?? 0, { timeout: 60_000, interval: 20 }).toBeGreaterThan(0);
  const before = (await personas()).state!;
  expect(before.status).toBe('running');
  // Kill the engine host (the rebuild in flight dies with it), then stop the service worker.
  await doppel.inWorker(() => chrome.offscreen.closeDocument(), undefined);
  // Nothing runs the job now: it is persisted half-done, and only a resume can finish it.
  const stalled = (await personas()).state!;
  expect(stalled.status).toBe('running');
  expect(stalled.progress.done).toBeLessThan(stalled.progress.total);
  const worker = doppel.context.serviceWorkers()[0]!;
  const stopped = new Promise((resolve) => worker.once('close', resolve));
  const cdp = await doppel.context.newCDPSession(options);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await Promise.race([stopped, new Promise((r) => setTimeout(r, 10_000))]);
  await options.close();
  // Any event wakes the service worker; on start it hands the unfinished rebuild to a new engine host.
  reader = await doppel.page('options/index.html#persona');
  const page = reader;
  // Progress never goes back: the resumed job continues from its checkpoint.
  await expect.poll(async () => {
    const state = (await personas()).state!;
    expect(state.progress!.done).toBeGreaterThanOrEqual(stalled.progress!.done);
    return state.status;
  }, { timeout: 110_000, interval: 100 }).toBe('done');
  const after = (await personas()).state!;
  expect(after.createdAt).toBe(before.createdAt);
  expect((await personas()).docs.map((d) => d.version)).toEqual([1]);
  await page.locator('[data-testid=rebuild-status][data-status=done]').waitFor();
  await expectEvidenceResolves();
  expectNoLeaks(doppel, [SECRET]);
});

test('deleting a record removes the claims it supported, and keeps the others as they were', async () => {
  const options = await doppel.page('options/index.html#persona');
  reader = options;
  await seedHistory();
  // Without a model the rebuild still stores the measured persona (interests cite their records).
  await call(options, 'persona.rebuild', {});
  await waitForRebuild();
  const latest = async () => (await personas()).docs.at(-1)!;
  const before = await latest();
  const target = before.claims.find((c) => c.evidence.length === 2)!;
  expect(target, 'a claim resting on exactly two records').toBeDefined();
  const [gone] = target.evidence as [string, string];

  /** Deletes a record the way a user does: the claim's Evidence list, "Delete this record". */
  const forgetInUi = async (claimId: string, recordId: string) => {
    await options.reload();
    const item = options.locator(`[data-testid=claim][data-claim-id="${claimId}"]`);
    await item.getByRole('button', { name: /Evidence/ }).click();
    const records = await call(options, 'persona.evidence', { ids: [recordId] }) as { value: { url: string }[] };
    await item.getByTestId('evidence-list').locator('li', { has: options.locator(`a[href="${records.value[0]!.url}"]`) }).getByTestId('forget-record').click();
    await expect.poll(async () => (await storedIds()).has(recordId)).toBe(false);
    // Deleted as Options → Data deletes: its term vector goes from the full-text index too.
    const log = await allRecords<{ removed: string[] }>(doppel, 'searchLog');
    expect(log.some((row) => row.removed.includes(recordId))).toBe(true);
  };

  // A measured interest needs two records, as a rebuild measures it: every interest the deleted
  // record supported goes (the live persona measures the records left within seconds), and every
  // other claim stays with the evidence it had.
  expect(before.claims.filter((c) => !c.evidence.includes(gone)).length).toBeGreaterThan(0);
  await forgetInUi(target.id, gone);
  const kept = before.claims.filter((c) => !c.evidence.includes(gone)).map((c) => ({ id: c.id, evidence: c.evidence }));
  await expect.poll(async () => (await latest()).claims.map((c) => ({ id: c.id, evidence: c.evidence })), { timeout: 15_000 }).toEqual(kept);
  await expectEvidenceResolves();
  expectNoLeaks(doppel, [SECRET]);
});
