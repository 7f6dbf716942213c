import { runRebuild } from '../../core/persona/rebuild';
import { isSmallModel } from '../../core/prompting/tokens';
import type { PersonaStore } from '../db/persona-store';
import type { EngineHost } from './engine-host';

/**
 * The persona rebuild as it runs in the engine host: one at a time, the LLM part in the host's
 * queue (`use`), every step persisted, so a restart resumes where it stopped.
 */
export const createPersonaRebuilder = (host: Pick<EngineHost, 'use'>, personas: PersonaStore, modelBytes?: () => Promise<number | undefined>) => {
  let running: Promise<unknown> | null = null;
  const start = (): boolean => {
    if (running) return false;
    running = (async () => {
      const state = await personas.state();
      if (state?.status !== 'running') return;
      await runRebuild(
        state,
        {
          records: () => personas.records(),
          previous: () => personas.latest(),
          saveState: (s) => personas.saveState(s),
          saveDoc: (doc) => personas.save(doc),
          withEngine: (work) => host.use(work),
          small: async () => isSmallModel(await modelBytes?.()),
          now: () => Date.now(),
        },
        new AbortController().signal,
      );
    })()
      .catch(async (error: unknown) => {
        const state = await personas.state();
        if (state) await personas.saveState({ ...state, status: 'failed', error: error instanceof Error ? error.message : String(error), updatedAt: Date.now() });
      })
      .finally(() => {
        running = null;
      });
    return true;
  };
  return { start };
};
