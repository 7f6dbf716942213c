import * as v from 'valibot';
import type { ClaimEdit } from '../../core/persona/claims';
import type { RebuildState } from '../../core/persona/rebuild';
import type { PersonaDoc } from '../../core/persona/types';
import { empty, id, type MethodSchemas } from '../schemas';

export interface EvidenceRecord {
  id: string;
  type: 'page' | 'writing' | 'reaction';
  site: string;
  url: string;
  title: string;
  at: number;
}

/** What the Options → Persona section shows: the newest document and the rebuild's progress. */
export interface PersonaView {
  persona: PersonaDoc | null;
  rebuild: Pick<RebuildState, 'status' | 'progress' | 'updatedAt' | 'targetVersion' | 'note' | 'error'> & { dropped: number } | null;
}

export interface PersonaMethods {
  'persona.get': (input: Record<string, never>) => PersonaView;
  /** Starts a rebuild, or resumes the one in progress; answers at once, the work runs in the engine host. */
  'persona.rebuild': (input: Record<string, never>) => PersonaView;
  'persona.editClaim': (input: ClaimEdit) => PersonaView;
  'persona.evidence': (input: { ids: string[] }) => EvidenceRecord[];
  /** Deletes a record and the claims that only it supported. */
  'persona.forgetRecord': (input: { recordId: string }) => { deleted: boolean };
  /** How much a text sounds like the user, 0–1 (for drafts and reranking). */
  'persona.styleMatch': (input: { text: string }) => { score: number | null };
}

export const personaSchemas: MethodSchemas<PersonaMethods> = {
  'persona.get': empty,
  'persona.rebuild': empty,
  'persona.editClaim': v.variant('action', [
    v.object({ claimId: id, action: v.literal('delete') }),
    v.object({ claimId: id, action: v.literal('pin'), pinned: v.boolean() }),
    v.object({ claimId: id, action: v.literal('edit'), text: v.string() }),
  ]),
  'persona.evidence': v.object({ ids: v.pipe(v.array(id), v.maxLength(10_000)) }),
  'persona.forgetRecord': v.object({ recordId: id }),
  'persona.styleMatch': v.object({ text: v.string() }),
};
