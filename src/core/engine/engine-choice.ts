import type { GpuModelChoice } from './gpu-model-choice';

/**
 * Which engine the user last chose, kept across browser restarts: a WebLLM model, or the CPU engine
 * (whose model is the models store's most recently selected GGUF).
 */
export type EngineChoiceRecord = { kind: 'webllm'; choice: GpuModelChoice } | { kind: 'wllama' };

export interface EngineChoiceStore {
  read(): EngineChoiceRecord | undefined;
  save(record: EngineChoiceRecord): void;
}

/** Reads a stored choice, ignoring anything that does not have the shape of one. */
export const parseEngineChoice = (text: string | null): EngineChoiceRecord | undefined => {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as { kind?: unknown; choice?: { modelId?: unknown } };
    if (value.kind === 'wllama') return { kind: 'wllama' };
    if (value.kind === 'webllm' && typeof value.choice?.modelId === 'string') return value as EngineChoiceRecord;
  } catch {
    // A damaged item is no choice: the CPU engine with the selected model.
  }
  return undefined;
};
