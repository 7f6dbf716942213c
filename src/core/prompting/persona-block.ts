import type { PersonaDoc, StyleCard } from '../persona/types';

const CLAIMS = 12;
const pct = (rate: number) => `${Math.round(rate * 100)}%`;

/**
 * The style card as sentences a model can follow: measured numbers, no adjectives Doppel did not
 * measure. `site` picks the typical length there.
 */
export const describeStyle = (style: StyleCard, site?: string): string => {
  if (style.samples === 0) return 'No writing of the user has been measured yet.';
  const lines = [
    `Measured from ${style.samples} of the user's writings (${style.words} words).`,
    `Sentences average ${style.meanSentenceWords.toFixed(1)} words; words average ${style.meanWordLength.toFixed(1)} letters.`,
    `Sentences ending in "!": ${pct(style.rates.exclamation)}; in "?": ${pct(style.rates.question)}; with "...": ${pct(style.rates.ellipsis)}; emoji per sentence: ${style.rates.emoji.toFixed(2)}; commas per sentence: ${style.rates.comma.toFixed(2)}.`,
    style.rates.allLowercase > 0.5 ? 'Usually writes all in lowercase.' : `Starts sentences with a capital ${pct(style.rates.uppercaseStart)} of the time.`,
  ];
  if (style.greetings.length) lines.push(`Greetings used: ${style.greetings.slice(0, 4).join(', ')}.`);
  if (style.signOffs.length) lines.push(`Sign-offs used: ${style.signOffs.slice(0, 4).join(', ')}.`);
  const typical = site ? style.lengthBySite[site] : undefined;
  if (typical) lines.push(`Typical length on ${site}: ${Math.round(typical)} words.`);
  return lines.join('\n');
};

/** The persona summary, its claims with their ids, and interests: what the model may take as known about the user. */
export const describePersona = (persona: PersonaDoc): string => {
  const lines: string[] = [];
  if (persona.summary) lines.push(persona.summary.trim());
  const claims = persona.claims
    .filter((claim) => claim.kind !== 'style' && claim.evidence.length > 0)
    .sort((a, b) => Number(Boolean(b.pinned)) - Number(Boolean(a.pinned)) || b.confidence - a.confidence)
    .slice(0, CLAIMS);
  for (const claim of claims) lines.push(`[${claim.id}] (${claim.kind}) ${claim.text}`);
  if (persona.interests.length) lines.push(`Interests: ${persona.interests.slice(0, 10).map((i) => i.phrase).join(', ')}.`);
  if (persona.topSites.length) lines.push(`Reads most on: ${persona.topSites.slice(0, 5).map((s) => s.site).join(', ')}.`);
  return lines.join('\n');
};

/** Typical reply length in words for a site, from the style card or from past writings. */
export const typicalWords = (style: StyleCard | undefined, site: string, pastWritings: string[]): number => {
  const fromCard = style?.lengthBySite[site];
  if (fromCard) return Math.round(fromCard);
  const counts = pastWritings.map((text) => text.split(/\s+/).filter(Boolean).length).sort((a, b) => a - b);
  return counts.length ? counts[Math.floor(counts.length / 2)]! : 60;
};
