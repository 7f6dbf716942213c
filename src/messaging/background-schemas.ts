import { captureSchemas } from './methods/capture';
import { demoSchemas } from './methods/demo';
import { engineSchemas } from './methods/engine';
import { fidelitySchemas } from './methods/fidelity';
import { jobSchemas } from './methods/jobs';
import { personaSchemas } from './methods/persona';
import { taskSchemas } from './methods/tasks';
import type { BackgroundMethods } from './protocol';
import type { MethodSchemas } from './schemas';

/** The payload schema of every background method, checked by the router before any handler runs. */
export const backgroundSchemas: MethodSchemas<BackgroundMethods> = {
  ...captureSchemas,
  ...demoSchemas,
  ...engineSchemas,
  ...fidelitySchemas,
  ...jobSchemas,
  ...personaSchemas,
  ...taskSchemas,
};
