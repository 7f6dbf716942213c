import type { Claim } from '../persona/types';
import { tokenize } from './tokenize';
import { FUNCTION_WORDS } from './style-similarity';

/** Decides whether one evidence text supports a claim. Pluggable: an LLM judge can replace the lexical one. */
export type SupportJudge = (claim: string, evidence: string) => boolean | Promise<boolean>;

const STOP = new Set(FUNCTION_WORDS);
const contentWords = (text: string): Set<string> => new Set(tokenize(text).filter((t) => !STOP.has(t) && t.length > 2));

/** The share of the claim's content words (not function words, longer than 2 letters) that must appear in the evidence. */
export const LEXICAL_SUPPORT_SHARE = 0.5;

/**
 * The default, deterministic judge: the evidence supports the claim when at least half of the
 * claim's content words occur in it. A claim with no content words is never supported.
 */
export const lexicalOverlapJudge: SupportJudge = (claim, evidence) => {
  const wanted = contentWords(claim);
  if (wanted.size === 0) return false;
  const have = contentWords(evidence);
  let hits = 0;
  for (const w of wanted) if (have.has(w)) hits++;
  return hits / wanted.size >= LEXICAL_SUPPORT_SHARE;
};

export interface ClaimVerdict {
  claimId: string;
  /** Evidence ids that name a record that exists. */
  resolved: number;
  cited: number;
  supported: boolean;
}

/**
 * A claim is faithful when it cites evidence, every cited record still exists, and at least one of
 * them supports it (judged by `judge`). `lookup` returns a record's text, or undefined if it is gone.
 */
export const judgeClaims = async (claims: readonly Claim[], lookup: (id: string) => string | undefined, judge: SupportJudge = lexicalOverlapJudge): Promise<ClaimVerdict[]> => {
  const out: ClaimVerdict[] = [];
  for (const claim of claims) {
    const texts = claim.evidence.map(lookup);
    const found = texts.filter((t): t is string => t !== undefined);
    let supported = false;
    if (claim.evidence.length > 0 && found.length === claim.evidence.length) {
      for (const text of found) if (await judge(claim.text, text)) { supported = true; break; }
    }
    out.push({ claimId: claim.id, resolved: found.length, cited: claim.evidence.length, supported });
  }
  return out;
};

/** Share of faithful claims; NaN when there are none. */
export const faithfulness = (verdicts: readonly ClaimVerdict[]): number =>
  verdicts.length ? verdicts.filter((v) => v.supported).length / verdicts.length : Number.NaN;
