import 'fake-indexeddb/auto';
import { expect, test } from 'vitest';
import { emptyPersonaAcc, personaFromAcc } from '../../core/persona/accumulator';
import { emptyCheckpoint } from '../../core/persona/llm/pipeline';
import type { Claim } from '../../core/persona/types';
import { createDataStore } from './data-store';
import { openDoppelDb } from './open-db';

let n = 0;
const DAY = 86_400_000;
const PAGE_ID = '7f0c1d2e-0000-4000-8000-00000000page';
const WRITING_ID = '7f0c1d2e-0000-4000-8000-0000writing';
const PAGE_TEXT = 'The harbour wall at Stromness was rebuilt in 1911 after the great storm took half of it.';
const WRITING_TEXT = 'I think the ferry timetable is a disgrace and I will write to the council about it again.';

const claim = (id: string, kind: Claim['kind'], text: string, evidence: string): Claim => ({ id, kind, text, evidence: [evidence], origin: 'inferred', confidence: 0.5, firstSeen: 1, lastSeen: 1 });

const seeded = async () => {
  const handle = await openDoppelDb(`doppel-forget-${n++}`);
  const db = () => Promise.resolve(handle);
  await handle.put('pages', { id: PAGE_ID, url: 'https://orkney.example/wall', site: 'orkney.example', title: 'Wall', text: PAGE_TEXT, contentHash: 'h', firstVisit: DAY, lastVisit: DAY, visitCount: 1, dwellMs: 0, maxScroll: 0 });
  await handle.put('writings', { id: WRITING_ID, url: 'https://orkney.example/forum', site: 'orkney.example', text: WRITING_TEXT, source: 'form', createdAt: 90 * DAY });
  const job = (id: string, content: string, extra: object = {}) =>
    handle.put('jobs', { id, kind: 'draft', status: 'done', createdAt: 1, updatedAt: 1, title: 't', messages: [{ role: 'user', content }], maxTokens: 8, temperature: 0, output: 'x', tokens: 1, ...extra });
  await job('cites-page', 'Reply.', { url: 'https://orkney.example/wall', evidence: [{ id: PAGE_ID, kind: 'page', site: 'orkney.example', label: 'Wall' }] });
  // The writing's text quoted in a prompt, fenced and with its line breaks changed.
  await job('quotes-writing', `Your earlier writing:\n------\nI think the ferry timetable is a disgrace and\nI will write to the council\n------`);
  await job('unrelated', 'Reply to: the weather is fine today, thanks for asking about it.');
  await handle.put('reports', { id: 'report-1', createdAt: 1, updatedAt: 1, status: 'done', progress: { done: 1, total: 1 }, split: { share: 0.2, writings: { train: 1, heldOut: 1 }, reactions: { train: 0, heldOut: 0 } }, tasks: [], predictions: { [`style/persona/${WRITING_ID}`]: 'a guess' } });
  await handle.put('pipelines', { id: 'persona-rebuild', kind: 'persona-rebuild', status: 'running', createdAt: 1, updatedAt: 1, targetVersion: 2, progress: { done: 0, total: 1 }, checkpoint: { ...emptyCheckpoint(), claims: [claim('c0', 'interest', 'Reads about walls', PAGE_ID)] } });
  await handle.put('personas', {
    ...personaFromAcc(emptyPersonaAcc(), { id: 'persona-v1', version: 1, createdAt: 1 }),
    claims: [claim('c1', 'interest', 'Reads about harbours', PAGE_ID), claim('c2', 'style', 'Writes plainly', WRITING_ID)],
  });
  return { handle, data: createDataStore(db) };
};

const keys = async (handle: Awaited<ReturnType<typeof openDoppelDb>>) => ({
  jobs: (await handle.getAllKeys('jobs')).sort(),
  reports: await handle.getAllKeys('reports'),
  // The live persona's mark is a sequence number, not anything built from a record.
  pipelines: (await handle.getAllKeys('pipelines')).filter((key) => key !== 'persona-live-mark'),
  claims: ((await handle.getAll('personas'))[0]!.claims as { id: string }[]).map((c) => c.id),
});

test('deleting a page removes the jobs and checkpoints built from it; deleting a writing the jobs quoting it and the reports scoring it', async () => {
  const { handle, data } = await seeded();
  await data.remove('pages', [PAGE_ID]);
  expect(await keys(handle)).toEqual({ jobs: ['quotes-writing', 'unrelated'], reports: ['report-1'], pipelines: [], claims: ['c2'] });
  await data.remove('writings', [WRITING_ID]);
  expect(await keys(handle)).toEqual({ jobs: ['unrelated'], reports: [], pipelines: [], claims: [] });
});

test('retention removes the jobs, reports, checkpoints and persona claims of the records it deletes', async () => {
  const { handle, data } = await seeded();
  // The page (day 1) is past a 60-day limit on day 100; the writing (day 90) is not.
  expect(await data.enforceRetention({ maxAgeDays: 60, maxBytes: 0 }, 100 * DAY)).toEqual([PAGE_ID]);
  expect(await keys(handle)).toEqual({ jobs: ['quotes-writing', 'unrelated'], reports: ['report-1'], pipelines: [], claims: ['c2'] });
});
