import { expect, test } from 'vitest';
import { DONT_KNOW } from '../../core/prompting/interview';
import { DoppelError } from '../../core/result';
import { page, persona, writing } from '../../core/tasks/test-records';
import { buildJob, type JobContext } from './create-job';

const history = { writings: [writing('w1', 'I sail my dinghy every evening.'), writing('w2', 'Sourdough is hard.')], pages: [page('p1', 'Tidal power', 'Tidal turbines and the moon.')], reactions: [] };
const context = (over: Partial<JobContext>): JobContext => ({ kind: 'draft', site: 'forum.example', source: {}, ...history, ...over });

test('draft: past writings as evidence, the target field kept, the replied-to text stored for regeneration', () => {
  const job = buildJob(context({ kind: 'draft', source: { text: 'Any dinghy tips?' }, target: { tabId: 3, frameId: 0 } }));
  expect(job.evidence?.map((e) => e.id)).toEqual(['w1', 'w2']);
  expect(job.target).toEqual({ tabId: 3, frameId: 0 });
  expect(job.source?.text).toBe('Any dinghy tips?');
  expect(job.jsonSchema).toBeUndefined();
});

test('react: JSON schema, three scoring steps, evidence from every record kind but the page itself', () => {
  const job = buildJob(context({ kind: 'react', page: page('p9', 'Boats', 'About dinghy boats'), url: 'https://news.example/p9' }));
  expect(job.jsonSchema).toBeDefined();
  expect(job.scoring?.map((s) => s.key)).toEqual(['attention', 'stance', 'action']);
  expect(job.evidence?.map((e) => e.id)).toContain('w1');
});

test('interview: with nothing on topic, the guard answers without the model', () => {
  const job = buildJob(context({ kind: 'interview', source: { question: 'Where was I born?' } }));
  expect(job).toMatchObject({ status: 'done', maxTokens: 0, output: DONT_KNOW, evidence: [], result: { kind: 'interview', known: false } });
  const onTopic = buildJob(context({ kind: 'interview', source: { question: 'Do I sail a dinghy?' }, persona: persona(2) }));
  expect(onTopic.status).toBe('queued');
  expect(onTopic.evidence?.map((e) => e.id)).toContain('w1');
});

test('bad input is a DoppelError with a sentence', () => {
  expect(() => buildJob(context({ kind: 'draft' }))).toThrow(DoppelError);
  expect(() => buildJob(context({ kind: 'survey', source: { survey: { question: 'q', scale: { kind: 'numeric', min: 0, max: 100, step: 1 } } } }))).toThrow(/at most 21 steps/);
  expect(buildJob(context({ kind: 'survey', source: { survey: { question: 'I like boats', scale: { kind: 'numeric', min: 0, max: 100, step: 10 } } } })).scoring?.[0]?.options).toHaveLength(11);
});
