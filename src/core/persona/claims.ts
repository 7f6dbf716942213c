import type { Claim, PersonaDoc } from './types';

/**
 * Keeps only evidence that still resolves to a stored record; a claim left with none is dropped
 * (science.md §G: no claim without evidence).
 */
export const resolveClaims = (claims: readonly Claim[], exists: (id: string) => boolean): Claim[] =>
  claims.flatMap((claim) => {
    const evidence = claim.evidence.filter(exists);
    return evidence.length > 0 ? [{ ...claim, evidence }] : [];
  });

/** A record was deleted: it leaves every claim and interest, and what only it supported goes. */
export const withoutRecord = (doc: PersonaDoc, recordId: string): PersonaDoc => {
  const exists = (id: string) => id !== recordId;
  return {
    ...doc,
    claims: resolveClaims(doc.claims, exists),
    interests: doc.interests.flatMap((interest) => {
      const evidence = interest.evidence.filter(exists);
      return evidence.length > 0 ? [{ ...interest, evidence }] : [];
    }),
  };
};

/**
 * A rebuild's claims, with the user's word kept: pinned and edited claims stay as the user left
 * them (their evidence still has to resolve), deleted claims stay deleted.
 */
export const mergeClaims = (previous: PersonaDoc | undefined, rebuilt: readonly Claim[], exists: (id: string) => boolean): Claim[] => {
  const suppressed = new Set(previous?.suppressed ?? []);
  const kept = resolveClaims((previous?.claims ?? []).filter((c) => c.pinned || c.edited), exists);
  const keptIds = new Set(kept.map((c) => c.id));
  return [...kept, ...resolveClaims(rebuilt.filter((c) => !keptIds.has(c.id) && !suppressed.has(c.id)), exists)];
};

export type ClaimEdit = { claimId: string } & ({ action: 'delete' } | { action: 'pin'; pinned: boolean } | { action: 'edit'; text: string });

export const editClaim = (doc: PersonaDoc, edit: ClaimEdit): PersonaDoc => {
  if (edit.action === 'delete') {
    return { ...doc, claims: doc.claims.filter((c) => c.id !== edit.claimId), suppressed: [...new Set([...(doc.suppressed ?? []), edit.claimId])] };
  }
  return {
    ...doc,
    claims: doc.claims.map((c) => {
      if (c.id !== edit.claimId) return c;
      // An edited claim is the user's own statement about themselves.
      return edit.action === 'pin' ? { ...c, pinned: edit.pinned } : { ...c, text: edit.text.trim().slice(0, 2000), edited: true, origin: 'explicit' };
    }),
  };
};
