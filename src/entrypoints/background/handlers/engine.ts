import type { EngineMethods } from '../../../messaging/methods/engine';
import type { Handlers } from '../../../messaging/protocol';
import type { BackgroundDeps } from '../deps';

export const createEngineHandlers = (deps: BackgroundDeps): Handlers<EngineMethods> => ({
  'engine.status': async () => deps.host.call('host.status', {}),
  'engine.modelAdded': async ({ modelId }) => deps.host.call('host.loadModel', { modelId }),
  'engine.loadGpuModel': async (choice) => deps.host.call('host.loadGpuModel', choice),
  'engine.download.probe': async (input) => deps.host.call('host.download.probe', input),
  'engine.download.start': async (input) => deps.host.call('host.download.start', input),
  'engine.download.cancel': async (input) => deps.host.call('host.download.cancel', input),
  'engine.download.list': async () => deps.host.call('host.download.list', {}),
});
