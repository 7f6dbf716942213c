/**
 * The persona: every claim about the user is backed by records they can see, edit and delete
 * (science.md §G). Shapes shared by the persona pipeline, the tasks and the fidelity report.
 */
export type ClaimKind = 'persona' | 'profile' | 'style' | 'interest' | 'experience' | 'stance' | 'value' | 'trait';

export interface Claim {
  id: string;
  text: string;
  kind: ClaimKind;
  /** Ids of the page / writing / reaction records that support the claim; never empty. */
  evidence: string[];
  confidence: number;
  firstSeen: number;
  lastSeen: number;
  origin: 'explicit' | 'inferred';
  /** Set when the user pinned or edited the claim: a rebuild keeps it as the user left it. */
  pinned?: boolean;
  edited?: boolean;
  /** Experiences only: {time, site, context, action, thought}. */
  experience?: { time: number; site: string; context: string; action: string; thought?: string };
}

/** Measured from the user's own writing (deterministic, no LLM). */
export interface StyleCard {
  samples: number;
  words: number;
  meanSentenceWords: number;
  meanWordLength: number;
  /** Type–token ratio over a fixed-size window, so it does not fall as the corpus grows. */
  vocabularyRichness: number;
  /** Relative frequency of each function word. */
  functionWords: Record<string, number>;
  /** Relative frequency of the most common character 3-grams. */
  charNgrams: Record<string, number>;
  /** Counts of the most frequent character 1…4-grams (case and punctuation kept): the style match's language model. Absent on cards made before it. */
  charModel?: Record<string, number>;
  /** The same over the text with every non-function word masked (char-model.ts maskText): habits, not topics. Absent on cards made before it. */
  maskedModel?: Record<string, number>;
  rates: { exclamation: number; question: number; ellipsis: number; emoji: number; uppercaseStart: number; allLowercase: number; comma: number };
  greetings: string[];
  signOffs: string[];
  /** Typical length in words per site. */
  lengthBySite: Record<string, number>;
}

export interface BigFiveTrait {
  trait: 'E' | 'A' | 'C' | 'N' | 'O';
  /** Mean over runs on the 1–5 scale. */
  score: number;
  sd: number;
  runs: number;
  evidenceCount: number;
}

export interface PersonaDoc {
  id: string;
  version: number;
  createdAt: number;
  /** How many records of each kind the persona was built from. */
  basis?: { pages: number; writings: number; reactions: number };
  style: StyleCard;
  /** `count`: records behind the phrase; `months`: records per "YYYY-MM", for the interests-over-time chart. */
  interests: { phrase: string; weight: number; evidence: string[]; count?: number; months?: Record<string, number> }[];
  topSites: { site: string; visits: number; dwellMs: number }[];
  /** Activity by hour of day (0–23), as shares summing to 1. */
  rhythm: number[];
  /** LLM-synthesized, quality-checked text (absent until a rebuild with a model ran). */
  summary?: string;
  claims: Claim[];
  bigFive?: BigFiveTrait[];
  /** LLM layer artefacts that passed the self-judge (absent until a rebuild with a model ran). */
  profile?: string;
  styleDescription?: string;
  /** Ids of claims the user deleted: a rebuild does not bring them back. */
  suppressed?: string[];
}
