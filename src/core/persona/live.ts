import { mergeClaims } from './claims';
import type { PersonaDoc } from './types';

/** The deterministic layer names its claims this way; everything else came from a rebuild's LLM layer or the user. */
const isMeasured = (id: string) => id.startsWith('interest:');

/**
 * The persona kept current between rebuilds: what is measured from the records (style card,
 * interests, sites, rhythm, counts and the interest claims) comes from `measured`; what a rebuild's
 * LLM layer wrote and what the user pinned, edited or deleted stays as it is.
 */
export const withLiveLayer = (doc: PersonaDoc, measured: PersonaDoc): PersonaDoc => {
  const rest = doc.claims.filter((c) => !isMeasured(c.id) || c.pinned || c.edited);
  return {
    ...doc,
    ...(measured.basis ? { basis: measured.basis } : {}),
    style: measured.style,
    interests: measured.interests,
    topSites: measured.topSites,
    rhythm: measured.rhythm,
    // Evidence behind a measured claim is in the store by construction; the rest was resolved when written.
    claims: mergeClaims(doc, [...measured.claims, ...rest.filter((c) => !c.pinned && !c.edited)], () => true),
  };
};
