import type { AppError } from '../result';
import type { DraftAdjust } from '../prompting/draft-reply';
import type { ParseError } from '../prompting/parse-json';
import type { SurveyItem } from '../prompting/survey';
import type { DraftFlaw } from '../prompting/draft-quality';
import type { DraftCandidate } from './draft-candidates';

export interface TaskSource {
  /** The text being replied to or reacted to. */
  text?: string;
  site: string;
  pageTitle?: string;
  question?: string;
  /** Earlier turns of the interview this question belongs to. */
  history?: { question: string; answer: string }[];
  survey?: SurveyItem;
  adjust?: DraftAdjust;
  previous?: string;
}

export interface ScoredSet {
  key: string;
  options: string[];
  /** Sums to 1. */
  probabilities: number[];
  method: 'logprobs';
}

export type TaskResult =
  | {
      kind: 'draft';
      /** The draft shown: the candidate whose style match is highest. */
      text: string;
      /** Every draft written for this reply, best style match first (absent when only one was written). */
      candidates?: DraftCandidate[];
      /** Style-match points the shown draft has over the first one written. */
      rerankGain?: number;
      /** Why the shown draft is not usable as it is (every draft written had a flaw): the UI says so. */
      flaw?: DraftFlaw;
    }
  | {
      kind: 'react';
      sets: ScoredSet[];
      /** Set when the engine could not score the option sets. */
      scoringError?: AppError;
      thought?: string;
      comment?: string;
      /** Ids the model cited, each a record in its prompt. */
      cited: string[];
      parseError?: ParseError;
    }
  | { kind: 'interview'; known: boolean; answer: string; cited: string[]; parseError?: ParseError }
  | {
      kind: 'survey';
      options: { option: string; value: number; label: string }[];
      /** The model's distribution at temperature 1 (the UI applies the user's temperature). */
      probabilities?: number[];
      expected?: number;
      scoringError?: AppError;
      reason: string;
    };
