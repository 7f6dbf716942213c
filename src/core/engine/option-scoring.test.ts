import { describe, expect, test } from 'vitest';
import { firstTokenProbabilities, normaliseLogProbs, optionsGrammar } from './option-scoring';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('normaliseLogProbs', () => {
  test('turns sequence log-likelihoods into probabilities in proportion to their likelihoods', () => {
    const p = normaliseLogProbs([Math.log(0.2), Math.log(0.1), Math.log(0.1)]);
    expect(sum(p)).toBeCloseTo(1, 12);
    expect(p[0]).toBeCloseTo(0.5, 12);
    expect(p[1]).toBeCloseTo(0.25, 12);
  });

  test('does not underflow for long options whose log-likelihoods are far below zero', () => {
    const p = normaliseLogProbs([-2000, -2001]);
    expect(sum(p)).toBeCloseTo(1, 12);
    expect(p[0]! / p[1]!).toBeCloseTo(Math.E, 6);
  });

  test('gives an impossible option zero and spreads evenly when nothing is possible', () => {
    expect(normaliseLogProbs([-1, -Infinity])).toEqual([1, 0]);
    expect(normaliseLogProbs([-Infinity, -Infinity])).toEqual([0.5, 0.5]);
    expect(normaliseLogProbs([])).toEqual([]);
  });
});

describe('optionsGrammar', () => {
  test('allows exactly the options, escaping quotes, backslashes and newlines', () => {
    expect(optionsGrammar(['yes', 'no'])).toBe('root ::= "yes" | "no"');
    expect(optionsGrammar(['say "hi"', 'a\\b', 'x\ny'])).toBe('root ::= "say \\"hi\\"" | "a\\\\b" | "x\\ny"');
  });
});

describe('firstTokenProbabilities', () => {
  test('reads each option from the token that starts it', () => {
    const p = firstTokenProbabilities(['1', '2', '3'], [
      { token: '2', logprob: Math.log(0.6) },
      { token: '1', logprob: Math.log(0.3) },
      { token: '3', logprob: Math.log(0.1) },
    ]);
    expect(p.map((x) => Number(x.toFixed(6)))).toEqual([0.3, 0.6, 0.1]);
  });

  test('prefers the longest matching token and splits a shared first token between its options', () => {
    const p = firstTokenProbabilities(['agree', 'agree strongly', 'disagree'], [
      { token: 'agree', logprob: Math.log(0.8) },
      { token: 'dis', logprob: Math.log(0.2) },
    ]);
    expect(p[0]).toBeCloseTo(0.4, 9);
    expect(p[1]).toBeCloseTo(0.4, 9);
    expect(p[2]).toBeCloseTo(0.2, 9);
  });

  test('shares the mass the top-k list did not show among options it missed', () => {
    const p = firstTokenProbabilities(['a', 'b', 'c', 'd', 'e', 'f'], [
      { token: 'a', logprob: Math.log(0.5) },
      { token: 'b', logprob: Math.log(0.2) },
    ]);
    expect(sum(p)).toBeCloseTo(1, 12);
    expect(p[0]).toBeCloseTo(0.5, 9);
    expect(p[5]).toBeCloseTo(0.3 / 4, 9);
  });
});
