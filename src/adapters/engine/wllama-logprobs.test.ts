import { expect, test } from 'vitest';
import { optionLogLikelihood, tokenLogProbs } from './wllama-logprobs';

test('reads chat-shaped and raw-completion-shaped log-probs alike', () => {
  const chat = { choices: [{ logprobs: { content: [{ token: 'ye', logprob: -0.5, bytes: null, top_logprobs: [] }, { token: 's', logprob: -0.25 }] } }] };
  const raw = { choices: [{ text: 'yes', logprobs: { tokens: ['ye', 's'], token_logprobs: [-0.5, -0.25] } }] };
  expect(tokenLogProbs(chat)).toEqual([{ token: 'ye', logprob: -0.5 }, { token: 's', logprob: -0.25 }]);
  expect(tokenLogProbs(raw)).toEqual(tokenLogProbs(chat));
  expect(tokenLogProbs({ choices: [{ text: 'x', logprobs: null }] })).toEqual([]);
});

test('sums the tokens that spell the option and ignores the end-of-text token after it', () => {
  const tokens = [{ token: ' ye', logprob: -1 }, { token: 's', logprob: -2 }, { token: '', logprob: -9 }];
  expect(optionLogLikelihood(' yes', tokens)).toBe(-3);
  expect(optionLogLikelihood(' yes', [])).toBe(-Infinity);
});
