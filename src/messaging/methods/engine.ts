import type { EngineStatus } from '../../core/engine/status';

export interface EngineMethods {
  'engine.status': (input: Record<string, never>) => EngineStatus;
  'engine.modelAdded': (input: { modelId: string }) => EngineStatus;
}
