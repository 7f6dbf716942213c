import type { BigFiveTrait } from './types';

export type Trait = BigFiveTrait['trait'];

/**
 * The IPIP Big-Five Factor Markers, 50 items (Goldberg 1992; public domain), in the official order
 * (ipip.ori.org/New_IPIP-50-item-scale.htm; texts as in Umuzi-org/ACN-syllabus scoring.txt,
 * cross-checked against a second copy of the official form). Keys from
 * ipip.ori.org/newBigFive5broadKey.htm (science.md §B). The fourth factor is keyed as Emotional
 * Stability; Doppel reports it as Neuroticism (N = 6 − stability), the direction the norms use.
 */
export const IPIP50_ITEMS: readonly string[] = [
  'I am the life of the party', 'I feel little concern for others', 'I am always prepared', 'I get stressed out easily',
  'I have a rich vocabulary', "I don't talk a lot", 'I am interested in people', 'I leave my belongings lying around',
  'I am relaxed most of the time', 'I have difficulty understanding abstract ideas', 'I feel comfortable around people',
  'I insult people', 'I pay attention to details', 'I worry about things', 'I have a vivid imagination',
  'I keep in the background', "I sympathize with others' feelings", 'I make a mess of things', 'I seldom feel blue',
  'I am not interested in abstract ideas', 'I start conversations', "I am not interested in other people's problems",
  'I get chores done right away', 'I am easily disturbed', 'I have excellent ideas', 'I have little to say',
  'I have a soft heart', 'I often forget to put things back in their proper place', 'I get upset easily',
  'I do not have a good imagination', 'I talk to a lot of different people at parties', 'I am not really interested in others',
  'I like order', 'I change my mood a lot', 'I am quick to understand things', "I don't like to draw attention to myself",
  'I take time out for others', 'I neglect my duties', 'I have frequent mood swings', 'I use difficult words',
  "I don't mind being the center of attention", "I feel others' emotions", 'I follow a schedule', 'I get irritated easily',
  'I spend time reflecting on things', 'I am quiet around strangers', 'I make people feel at ease', 'I am exacting in my work',
  'I often feel blue', 'I am full of ideas',
];

/** 1-based item numbers per factor; `S` is Emotional Stability as keyed by IPIP. */
export const IPIP50_KEYS: Record<'E' | 'A' | 'C' | 'S' | 'O', { plus: number[]; minus: number[] }> = {
  E: { plus: [1, 11, 21, 31, 41], minus: [6, 16, 26, 36, 46] },
  A: { plus: [7, 17, 27, 37, 42, 47], minus: [2, 12, 22, 32] },
  C: { plus: [3, 13, 23, 33, 43, 48], minus: [8, 18, 28, 38] },
  S: { plus: [9, 19], minus: [4, 14, 24, 29, 34, 39, 44, 49] },
  O: { plus: [5, 15, 25, 35, 40, 45, 50], minus: [10, 20, 30] },
};

/** Trait means on the 1–5 scale from 50 answers (item 1 first), each 1–5; reverse keys score 6 − x. */
export const scoreIpip50 = (answers: readonly number[]): Record<Trait, number> => {
  if (answers.length !== 50 || answers.some((a) => !(a >= 1 && a <= 5))) throw new RangeError('IPIP-50 needs 50 answers between 1 and 5.');
  const mean = ({ plus, minus }: { plus: number[]; minus: number[] }) =>
    (plus.reduce((s, i) => s + answers[i - 1]!, 0) + minus.reduce((s, i) => s + 6 - answers[i - 1]!, 0)) / (plus.length + minus.length);
  return { E: mean(IPIP50_KEYS.E), A: mean(IPIP50_KEYS.A), C: mean(IPIP50_KEYS.C), N: 6 - mean(IPIP50_KEYS.S), O: mean(IPIP50_KEYS.O) };
};

/** Human norms (IPIP-NEO-120, n = 619,150; science.md §B), mean and SD on the 1–5 scale. */
export const HUMAN_NORMS: Record<Trait, { mean: number; sd: number }> = {
  E: { mean: 3.41, sd: 1.03 },
  A: { mean: 3.66, sd: 1.02 },
  C: { mean: 3.6, sd: 0.99 },
  N: { mean: 2.8, sd: 1.03 },
  O: { mean: 3.44, sd: 1.06 },
};
