import type { PageRecord, ReactionRecord, WritingRecord } from '../model/records';
import type { Claim, PersonaDoc } from '../persona/types';
import type { DraftItem, NumericItem, ReactionItem } from './items';

/**
 * What a predictor may know about the user: only records older than the held-out cutoff, and only
 * persona claims whose every evidence record is among them. The baseline arm gets `null`.
 */
export interface PersonaContext {
  claims: Claim[];
  /** The persona's synthesized summary, only if it was built before the cutoff. */
  summary?: string;
  style?: PersonaDoc['style'];
  training: { writings: readonly WritingRecord[]; reactions: readonly ReactionRecord[]; pages: readonly PageRecord[] };
}

export type Arm = 'persona' | 'baseline';

/** One way of predicting the user; every function is called once with a persona and once without. */
export interface Predictor {
  /** Shown in the report ("engine", "history-frequency"). */
  name: string;
  personaLabel: string;
  baselineLabel: string;
  /**
   * Both arms get the persona and tell themselves apart by `arm`: for a comparison of two uses of
   * the same persona (the first draft against the best of several), not persona against none.
   */
  bothArmsSeePersona?: boolean;
  draft?: (item: DraftItem, persona: PersonaContext | null, signal: AbortSignal, arm?: Arm) => Promise<string>;
  /** One probability per option, summing to 1. */
  scoreReaction?: (item: ReactionItem, options: readonly string[], persona: PersonaContext | null, signal: AbortSignal) => Promise<number[]>;
  /** A scroll depth in [0, 1]. */
  predictNumeric?: (item: NumericItem, persona: PersonaContext | null, signal: AbortSignal) => Promise<number>;
}
