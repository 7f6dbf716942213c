import type { LlmEngine } from '../engine/port';
import { buildDeterministicPersona, type PersonaRecord } from './accumulator';
import { mergeClaims } from './claims';
import { emptyCheckpoint, runLlmLayer, stepsDone, totalSteps, TOTAL_STEPS, type LlmCheckpoint } from './llm/pipeline';
import type { PersonaDoc } from './types';

/** The rebuild job's key in the jobs store (one rebuild at a time). */
export const REBUILD_STATE_ID = 'persona-rebuild';

/** The persisted rebuild job: a service worker or engine host that dies mid-way resumes from here. */
export interface RebuildState {
  id: typeof REBUILD_STATE_ID;
  kind: 'persona-rebuild';
  createdAt: number;
  updatedAt: number;
  status: 'running' | 'done' | 'failed';
  /** The version the finished document gets. */
  targetVersion: number;
  checkpoint: LlmCheckpoint;
  progress: { done: number; total: number };
  /** Set when the LLM layer could not run (no model): the document has the deterministic layer only. */
  note?: string;
  error?: string;
}

export const newRebuildState = (targetVersion: number, now: number): RebuildState => ({
  id: REBUILD_STATE_ID, kind: 'persona-rebuild', createdAt: now, updatedAt: now, status: 'running', targetVersion,
  checkpoint: emptyCheckpoint(), progress: { done: 0, total: TOTAL_STEPS },
});

export interface RebuildPorts {
  records: () => Promise<PersonaRecord[]>;
  previous: () => Promise<PersonaDoc | undefined>;
  saveState: (state: RebuildState) => Promise<void>;
  saveDoc: (doc: PersonaDoc) => Promise<void>;
  /** Runs the LLM layer with the engine; rejects with code `no_model` when none is installed. */
  withEngine: <T>(work: (engine: LlmEngine) => Promise<T>) => Promise<T>;
  /** Whether the installed model is a small one (isSmallModel): it gets the small-model synthesis. */
  small?: () => Promise<boolean>;
  now: () => number;
}

const personaId = (version: number) => `persona-v${version}`;

/** The document from the deterministic layer plus whatever the LLM layer has produced and kept. */
export const assemble = (records: PersonaRecord[], previous: PersonaDoc | undefined, state: RebuildState, now: number): PersonaDoc => {
  const base = buildDeterministicPersona(records, { id: personaId(state.targetVersion), version: state.targetVersion, createdAt: now });
  const ids = new Set(records.map((r) => r.record.id));
  const c = state.checkpoint;
  const text = (kind: string) => c.claims.find((claim) => claim.kind === kind)?.text;
  const summary = text('persona');
  const profile = text('profile');
  const styleDescription = text('style');
  return {
    ...base,
    claims: mergeClaims(previous, [...base.claims, ...c.claims], (id) => ids.has(id)),
    ...(previous?.suppressed?.length ? { suppressed: previous.suppressed } : {}),
    ...(c.bigFive?.length ? { bigFive: c.bigFive } : {}),
    ...(summary ? { summary } : {}),
    ...(profile ? { profile } : {}),
    ...(styleDescription ? { styleDescription } : {}),
  };
};

/**
 * Rebuilds the persona: the deterministic layer at once (saved as soon as it exists, so the user
 * sees it even without a model), then the LLM layer step by step with its checkpoint persisted.
 */
export const runRebuild = async (state: RebuildState, ports: RebuildPorts, signal: AbortSignal): Promise<RebuildState> => {
  const records = await ports.records();
  const previous = await ports.previous();
  const save = async (next: Partial<RebuildState>) => {
    Object.assign(state, next, { updatedAt: ports.now() });
    await ports.saveState(state);
  };
  // The deterministic document is stored only for a fresh rebuild, so resuming does not add a version.
  if (state.progress.done === 0 && !(previous && previous.version >= state.targetVersion)) {
    await ports.saveDoc(assemble(records, previous, state, ports.now()));
  }
  try {
    const small = (await ports.small?.().catch(() => false)) ?? false;
    const total = totalSteps(small);
    await ports.withEngine((engine) =>
      runLlmLayer(engine, records, {
        checkpoint: state.checkpoint,
        signal,
        small,
        save: (checkpoint) => save({ checkpoint, progress: { done: Math.min(stepsDone(checkpoint), total), total } }),
      }),
    );
  } catch (error) {
    if (signal.aborted) throw error;
    const code = (error as { code?: string }).code;
    const message = error instanceof Error ? error.message : String(error);
    if (code !== 'no_model') {
      await save({ status: 'failed', error: message });
      return state;
    }
    state.note = message;
  }
  // Records deleted while the rebuild ran must not come back, and edits made meanwhile are on the
  // stored document: both are read again at commit time.
  const current = await ports.records();
  await ports.saveDoc(assemble(current, (await ports.previous()) ?? previous, state, ports.now()));
  await save({ status: 'done', progress: { done: state.progress.total, total: state.progress.total } });
  return state;
};
