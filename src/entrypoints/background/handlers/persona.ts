import { editClaim } from '../../../core/persona/claims';
import { newRebuildState, type RebuildState } from '../../../core/persona/rebuild';
import { styleMatch } from '../../../core/persona/style-match';
import { fail, ok } from '../../../core/result';
import type { PersonaMethods, PersonaView } from '../../../messaging/methods/persona';
import type { Handlers } from '../../../messaging/protocol';
import type { BackgroundDeps } from '../deps';

const viewOf = async (deps: BackgroundDeps): Promise<PersonaView> => {
  const [persona, state] = await Promise.all([deps.personas.latest(), deps.personas.state()]);
  return {
    persona: persona ?? null,
    rebuild: state
      ? { status: state.status, progress: state.progress, updatedAt: state.updatedAt, targetVersion: state.targetVersion, dropped: state.checkpoint.dropped.length, ...(state.note ? { note: state.note } : {}), ...(state.error ? { error: state.error } : {}) }
      : null,
  };
};

/** Hands the persisted rebuild to the engine host, which runs it unless it already is. */
const kick = async (deps: BackgroundDeps): Promise<void> => {
  const result = await deps.host.call('host.personaRebuild', {});
  if (!result.ok) throw new Error(result.error.message);
};

export const resumePersonaRebuild = async (deps: BackgroundDeps): Promise<void> => {
  const state = await deps.personas.state();
  if (state?.status === 'running') await kick(deps);
};

export const createPersonaHandlers = (deps: BackgroundDeps): Handlers<PersonaMethods> => ({
  'persona.get': async () => ok(await viewOf(deps)),
  'persona.rebuild': async () => {
    const state = await deps.personas.state();
    if (state?.status !== 'running') {
      const latest = await deps.personas.latest();
      const fresh: RebuildState = newRebuildState((latest?.version ?? 0) + 1, Date.now());
      await deps.personas.saveState(fresh);
    }
    await kick(deps);
    return ok(await viewOf(deps));
  },
  'persona.editClaim': async (edit) => {
    const next = await deps.personas.update((doc) => editClaim(doc, edit));
    if (!next) return fail('not_found', 'There is no persona yet. Choose "Rebuild persona" first.');
    return ok(await viewOf(deps));
  },
  'persona.evidence': async ({ ids }) => ok(await deps.personas.evidence(ids)),
  'persona.forgetRecord': async ({ recordId }) => {
    // Forgotten from the persona page is deleted as from Options → Data: with its term vector and
    // every job, report and checkpoint that holds a copy of it.
    // (data.remove drops the claims it alone supported too; an id in no store may still be cited.)
    const store = await deps.data.storeOf(recordId);
    if (!store) return ok({ deleted: await deps.personas.forgetRecord(recordId) });
    await deps.data.remove(store, [recordId]);
    return ok({ deleted: true });
  },
  'persona.styleMatch': async ({ text }) => {
    const persona = await deps.personas.latest();
    return ok({ score: persona && persona.style.samples > 0 ? styleMatch(persona.style, text).score : null });
  },
});
