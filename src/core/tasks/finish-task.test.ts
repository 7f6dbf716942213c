import { expect, test } from 'vitest';
import type { Job, ScoreOutcome } from '../model/job';
import { finishTask, surveyReason } from './finish-task';
import { DONT_KNOW } from '../prompting/interview';

const job = (kind: Job['kind'], extra: Partial<Job> = {}): Job => ({
  id: 'j', kind, status: 'running', createdAt: 0, updatedAt: 0, title: 't', messages: [], maxTokens: 10, temperature: 0, output: '', tokens: 0,
  evidence: [{ id: 'p1', kind: 'page', site: 's', label: 'l' }],
  ...extra,
});
const usage = { promptTokens: 1, prefilledTokens: 1, completionTokens: 0, decodeTokensPerSecond: 0 };
const scored = (key: string, probabilities: number[]): ScoreOutcome => ({ key, ok: true, value: { probabilities, method: 'logprobs', usage } });

test('react: scored sets sum to 1, parsed thought and comment, cited ids that resolve', () => {
  const react = job('react', { scoring: [{ key: 'attention', messages: [], options: ['read closely', 'skim', 'leave'] }] });
  const result = finishTask(react, '{"thought":"t","comment":"c","evidence":["p1","zz"]}', [scored('attention', [2, 1, 1])]);
  expect(result).toEqual({ kind: 'react', sets: [{ key: 'attention', options: ['read closely', 'skim', 'leave'], probabilities: [0.5, 0.25, 0.25], method: 'logprobs' }], thought: 't', comment: 'c', cited: ['p1'] });
});

test('react: an engine that cannot score and a malformed answer both surface as typed errors', () => {
  const react = job('react', { scoring: [{ key: 'attention', messages: [], options: ['a', 'b'] }] });
  const result = finishTask(react, 'Once upon a time', [{ key: 'attention', ok: false, error: { code: 'engine_unavailable', message: 'no' } }]);
  expect(result).toMatchObject({ kind: 'react', sets: [], scoringError: { code: 'engine_unavailable' }, parseError: { code: 'no_json' } });
});

test('survey: expected value over the scale values', () => {
  const survey = job('survey', {
    source: { site: 's', survey: { question: 'q', scale: { kind: 'likert', labels: ['a', 'b', 'c'] } } },
    scoring: [{ key: 'answer', messages: [], options: ['1', '2', '3'] }],
  });
  const result = finishTask(survey, ' Because. ', [scored('answer', [0, 1, 1])]);
  expect(result).toMatchObject({ kind: 'survey', probabilities: [0, 0.5, 0.5], expected: 2.5, reason: 'Because.' });
});

test('a survey reason keeps what it says and drops a looping lead-in (measured on SmolLM2)', () => {
  expect(surveyReason('The answer to the survey item is:\n\nThe answer to the survey item is:\n\nThe answer is:')).toBe('');
  expect(surveyReason('I would agree, because I sail every evening.')).toBe('I would agree, because I sail every evening.');
  expect(surveyReason('I would agree: I sail every evening.')).toBe('I would agree: I sail every evening.');
});

test('draft: a candidate that echoes the post or copies a past writing shown in the prompt ranks below one that does not', () => {
  const past = 'the new mooring fees are steep but the club is worth it for the sailing alone.';
  const draft = job('draft', {
    source: { site: 's', text: 'Bike lanes are empty, nobody uses them.' },
    messages: [{ role: 'system', content: 's' }, { role: 'user', content: 'Write a post.' }, { role: 'assistant', content: past }, { role: 'user', content: 'Reply to this post:\nBike lanes are empty, nobody uses them.' }],
  });
  const written = [
    { text: 'Bike lanes are empty, nobody uses them, right?', style: 0.9 },
    { text: past, style: 0.95 },
    { text: 'they look empty because bikes don’t queue.', style: 0.5 },
  ];
  const result = finishTask(draft, written[0]!.text, [], written);
  expect(result).toMatchObject({ kind: 'draft', text: 'they look empty because bikes don’t queue.' });
  expect(result.kind === 'draft' && result.candidates!.map((c) => c.flaw ?? null)).toEqual([null, 'copy', 'echo']);
});

test('draft: when every draft written repeats the post, the shown one carries the flaw, so the UI can say so', () => {
  const post = 'Tidal turbines promise something wind and solar cannot: power that arrives on a timetable written by the moon. Engineers have known for decades that the strait could light a small country.';
  const copied = 'tidal turbines promise something wind and solar cannot. engineers have known for decades that the strait could light a small country.';
  const draft = job('draft', { source: { site: 's', text: post } });
  expect(finishTask(draft, copied, [], [])).toMatchObject({ kind: 'draft', flaw: 'echo' });
  const both = finishTask(draft, copied, [], [{ text: copied, style: 0.7 }, { text: `${copied} `, style: 0.6 }]);
  expect(both).toMatchObject({ kind: 'draft', flaw: 'echo' });
  const own = finishTask(draft, copied, [], [{ text: copied, style: 0.7 }, { text: 'honestly the moon part is the whole pitch. storage is the real problem.', style: 0.6 }]);
  expect(own.kind === 'draft' && own.flaw).toBeFalsy();
});

test('interview in plain text (small models): the answer’s sentences a record that answers backs, else that record’s words, else the guard’s sentence', () => {
  const W1 = 'For beginners I always say: pick a stable dinghy, learn to capsize on purpose, and wear a wetsuit.';
  const interview = (output: string, question = 'What advice do I give beginners?', shown = ['w1']) =>
    finishTask(
      job('interview', {
        source: { site: '', question },
        evidence: shown.map((id) => ({ id, kind: 'writing' as const, site: 's', label: 'l' })),
        answerSources: [{ id: 'w1', text: W1 }],
      }),
      output,
      [],
    );
  expect(interview('Pick a stable dinghy and learn to capsize on purpose.')).toEqual({ kind: 'interview', known: true, answer: 'Pick a stable dinghy and learn to capsize on purpose.', cited: ['w1'] });
  expect(interview('Always buy the most expensive boat you can find.')).toEqual({ kind: 'interview', known: true, answer: W1, cited: ['w1'] });
  expect(interview('Pick a stable dinghy called Heron, with a red sail.', 'What is the name of my dinghy?')).toMatchObject({ kind: 'interview', known: false, answer: DONT_KNOW, cited: [] });
  // Only records the job shows as its evidence can be cited.
  expect(interview('Pick a stable dinghy and learn to capsize on purpose.', 'What advice do I give beginners?', [])).toMatchObject({ kind: 'interview', known: false, cited: [] });
});
