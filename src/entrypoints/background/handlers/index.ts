import type { BackgroundMethods, Handlers } from '../../../messaging/protocol';
import type { BackgroundDeps } from '../deps';
import { createCaptureHandlers } from './capture';
import { createDemoHandlers } from './demo';
import { createEngineHandlers } from './engine';
import { createFidelityHandlers } from './fidelity';
import { createJobHandlers } from './jobs';
import { createPersonaHandlers } from './persona';
import { createTaskHandlers } from './tasks';

/** The background's whole API: one factory per domain in messaging/methods/. */
export const createHandlers = (deps: BackgroundDeps): Handlers<BackgroundMethods> => ({
  ...createCaptureHandlers(deps),
  ...createEngineHandlers(deps),
  ...createJobHandlers(deps),
  ...createDemoHandlers(deps),
  ...createFidelityHandlers(deps),
  ...createPersonaHandlers(deps),
  ...createTaskHandlers(deps),
});
