import { afterEach, beforeEach, expect, test } from 'vitest';
import { expectNoLeaks, launchDoppel, type Doppel } from './harness';
import { jobById, putRecords, sailingWritings, unresolvedEvidence } from './task-helpers';
import { allRecords, tabIdOf } from './helpers';

let doppel: Doppel;
beforeEach(async () => {
  doppel = await launchDoppel();
});
afterEach(async () => {
  await doppel.close();
});

const persona = {
  id: 'persona-1',
  version: 1,
  createdAt: 10,
  style: {
    samples: 4,
    words: 60,
    meanSentenceWords: 11.5,
    meanWordLength: 4.4,
    vocabularyRichness: 0.6,
    functionWords: {},
    charNgrams: {},
    rates: { exclamation: 0.25, question: 0, ellipsis: 0, emoji: 0, uppercaseStart: 1, allLowercase: 0, comma: 0.5 },
    greetings: [],
    signOffs: ['cheers'],
    lengthBySite: { '127.0.0.1': 17 },
  },
  interests: [{ phrase: 'dinghy sailing', weight: 3, evidence: ['writing-0'] }],
  topSites: [],
  rhythm: [],
  summary: 'Sails a dinghy on a lake most evenings and gives beginners practical advice.',
  claims: [{ id: 'claim-sailing', text: 'Sails a dinghy most evenings.', kind: 'experience', evidence: ['writing-0'], confidence: 0.9, firstSeen: 1, lastSeen: 2, origin: 'explicit' }],
};

test('tasks read the persona the persona pipeline stored: summary, claims and the style card reach the prompt within budget', async () => {
  await putRecords(doppel, 'writings', sailingWritings(doppel.server.origin));
  await putRecords(doppel, 'personas', [persona]);
  const forum = await doppel.context.newPage();
  await forum.goto(doppel.server.url('reply-form.html'));
  const tabId = await tabIdOf(doppel, forum.url());
  const options = await doppel.page('options/index.html#interview');
  // jobs.create from an extension page, as the popup sends it.
  const reply = async (params: object) =>
    options.evaluate((p) => chrome.runtime.sendMessage({ method: 'jobs.create', params: p, to: 'background' }), params) as Promise<{ ok: boolean; value: { jobId: string } }>;

  const draft = await reply({ kind: 'draft', tabId, text: 'Which dinghy should a beginner pick?' });
  const interview = await reply({ kind: 'interview', question: 'Do I sail a dinghy in the evenings?' });
  expect(draft.ok && interview.ok).toBe(true);
  const jobs = await allRecords<{ id: string; messages: { content: string }[]; evidence: { id: string; kind: string }[]; contextTokens: number; target?: object }>(doppel, 'jobs');
  const draftJob = jobs.find((j) => j.id === draft.value.jobId)!;
  const prompt = draftJob.messages.map((m) => m.content).join('\n');
  expect(prompt).toContain('Sails a dinghy on a lake most evenings');
  expect(prompt).toContain('Sentences average 11.5 words');
  expect(prompt).toContain('Write about 17 words.');
  expect(draftJob.target).toMatchObject({ tabId });
  expect(draftJob.contextTokens).toBeLessThanOrEqual(2000);
  const interviewJob = jobs.find((j) => j.id === interview.value.jobId)!;
  expect(interviewJob.evidence.map((e) => e.id)).toEqual(expect.arrayContaining(['claim-sailing', 'writing-0']));
  expect(interviewJob.messages[1]!.content).toContain('[claim-sailing]');
  expect(await unresolvedEvidence(doppel, await jobById(doppel, interviewJob.id))).toEqual([]);
  expectNoLeaks(doppel, ['Sails a dinghy on a lake']);
});
