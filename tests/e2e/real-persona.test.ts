import { afterAll, beforeAll, expect, test } from 'vitest';
import { RUN_SMOLLM2, smollm2Label } from '../real-model';
import { expectNoLeaks, launchDoppel, type Doppel } from './harness';
import { allRecords } from './helpers';
import { addSmolLM2 } from './real-helpers';
import { putRecords } from './task-helpers';

// Real writing of one (fictional) user, enough records for HumanLLM's filter (at least 3 qualify).
const WRITINGS = [
  'Took the dinghy out on the lake again this evening. The wind dropped at six and I drifted home, which I honestly love.',
  'For beginners I always say: pick a stable dinghy, learn to capsize on purpose in warm water, and wear a wetsuit.',
  'The club raised the mooring fees again. Steep, but I will pay them; the sailing is worth it and the volunteers are great.',
  'Fourth sourdough loaf this month and it is still flat. I think my starter is too cold in this kitchen. Tips welcome!',
  'I volunteer at the club on Saturdays teaching kids to rig the boats. Their first solo sail is the best thing to watch.',
].map((text, i) => ({ id: `writing-${i}`, url: `http://127.0.0.1/thread/${i}`, site: '127.0.0.1', text, source: 'form', createdAt: Date.now() - (i + 1) * 86_400_000 }));
// Recent dates: the retention sweep removes expired records and the jobs built from them.

const STOP = new Set('the a an and or but i you it is are was to of in on for with that this my your we be have not at so as do if just they their them user users person who what when about from by has had its'.split(' '));
const contentWords = (text: string) => new Set((text.toLowerCase().match(/[a-z]{4,}/g) ?? []).filter((w) => !STOP.has(w)).map((w) => w.slice(0, 5)));

let doppel: Doppel;
beforeAll(async () => {
  if (!RUN_SMOLLM2) return;
  doppel = await launchDoppel();
  await addSmolLM2(doppel);
  await putRecords(doppel, 'writings', WRITINGS);
}, 180_000);
afterAll(async () => {
  await doppel?.close();
});

interface Claim { id: string; text: string; kind: string; evidence: string[]; confidence: number; origin: string }
interface Doc { version: number; claims: Claim[]; summary?: string; bigFive?: { trait: string; score: number; runs: number; evidenceCount: number }[] }

test.runIf(RUN_SMOLLM2)(`persona rebuild on SmolLM2: filter → synthesize → quality check with SmolLM2 as the judge, then the IPIP-50; every kept claim cites records that exist and support it (${smollm2Label})`, async () => {
  const persona = await doppel.page('options/index.html#persona');
  await persona.getByTestId('rebuild-persona').click();
  const state = async () => (await allRecords<{ id: string; status: string; progress?: { done: number; total: number } }>(doppel, 'pipelines')).find((p) => p.id === 'persona-rebuild');
  const started = Date.now();
  await expect
    .poll(async () => {
      const s = await state();
      if ((Date.now() - started) % 60_000 < 2_000) console.log(`rebuild after ${Math.round((Date.now() - started) / 1000)} s: ${JSON.stringify(s?.progress)} ${s?.status}`);
      return s?.status;
    }, { timeout: 3_300_000, interval: 2_000 })
    .toBe('done');
  const docs = (await allRecords<Doc>(doppel, 'personas')).sort((a, b) => a.version - b.version);
  const doc = docs.at(-1)!;
  console.log(`SmolLM2 persona: ${JSON.stringify({ summary: doc.summary, claims: doc.claims.map((c) => [c.kind, c.text, c.evidence, c.confidence]), bigFive: doc.bigFive })}`);
  // What the pipeline dropped and why (parse failures, unsupported claims, the judge's scores).
  console.log(`SmolLM2 rebuild record: ${JSON.stringify(await state()).slice(0, 4000)}`);

  const byId = new Map(WRITINGS.map((w) => [w.id, w.text]));
  const llmClaims = doc.claims.filter((c) => ['persona', 'profile', 'style', 'experience', 'stance', 'value'].includes(c.kind));
  for (const claim of llmClaims) {
    // Kept only past the judge's bar (HumanLLM's QC minimums: overall ≥ 8 of 10).
    expect(claim.confidence, claim.text).toBeGreaterThanOrEqual(0.8);
    expect(claim.evidence.length, claim.text).toBeGreaterThan(0);
    for (const id of claim.evidence) expect(byId.has(id), `${claim.id} cites ${id}`).toBe(true);
    // Supports: the claim shares content words with what it cites (a claim about something else would not).
    const cited = new Set(claim.evidence.flatMap((id) => [...contentWords(byId.get(id)!)]));
    expect([...contentWords(claim.text)].some((w) => cited.has(w)), `${claim.text} vs ${claim.evidence}`).toBe(true);
  }
  // On a small model each writing is described in one sentence and kept when it stays in the
  // record's words (docs/small-models.md): SmolLM2 keeps some, so the persona is not empty…
  expect(llmClaims.length).toBeGreaterThan(0);
  // …and the IPIP-50 is administered to the persona-conditioned SmolLM2, since the kept claims rest
  // on at least 3 records.
  const grounding = new Set(llmClaims.filter((c) => c.kind !== 'style').flatMap((c) => c.evidence));
  expect(grounding.size).toBeGreaterThanOrEqual(3);
  expect(doc.bigFive!.map((t) => t.trait).sort()).toEqual(['A', 'C', 'E', 'N', 'O']);
  for (const t of doc.bigFive!) {
    expect(t.score).toBeGreaterThanOrEqual(1);
    expect(t.score).toBeLessThanOrEqual(5);
    expect(t.runs).toBeGreaterThanOrEqual(1);
    expect(t.evidenceCount).toBe(grounding.size);
  }
  await persona.reload();
  await persona.getByTestId('rebuild-persona').waitFor();
  expect(await persona.locator('body').innerText()).not.toMatch(/\{\s*"(text|items)"/);
  expectNoLeaks(doppel, ['starter is too cold']);
}, 3_600_000);
