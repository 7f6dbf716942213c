import { expect, test } from 'vitest';
import { buildDraftReplyPrompt, draftMaxTokens } from './draft-reply';
import { CONTEXT_BUDGET, contextBudgetFor, SMALL_CONTEXT_BUDGET } from './tokens';

const writing = (i: number) => ({ id: `w${i}`, kind: 'writing' as const, site: 'forum.example', label: 'x', text: `Wrote on forum.example: ${'sailing on the lake in the evening wind '.repeat(12)}${i}`, at: i });

test('a small model file gets the short context; a bigger or unknown one the full budget', () => {
  expect(contextBudgetFor(98_362_432)).toBe(SMALL_CONTEXT_BUDGET);
  expect(contextBudgetFor(1_200_000_000)).toBe(CONTEXT_BUDGET);
  expect(contextBudgetFor(undefined)).toBe(CONTEXT_BUDGET);
});

test('the short context keeps fewer past writings, each whole, and the draft’s token limit follows the asked length', () => {
  const input = { context: 'Which dinghy for a beginner?', site: 'forum.example', pastWritings: [1, 2, 3, 4, 5].map(writing) };
  const full = buildDraftReplyPrompt(input);
  const small = buildDraftReplyPrompt({ ...input, budget: 150 });
  expect(full.evidence.length).toBe(5);
  expect(small.evidence.length).toBeLessThan(5);
  expect(small.contextTokens).toBeLessThanOrEqual(150);
  expect(draftMaxTokens(17)).toBe(88);
  expect(draftMaxTokens(2)).toBe(48);
  expect(draftMaxTokens(400)).toBe(320);
});
