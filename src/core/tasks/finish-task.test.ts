import { expect, test } from 'vitest';
import type { Job, ScoreOutcome } from '../model/job';
import { finishTask } from './finish-task';

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
