import { sampleHistory } from '../../../core/demo/sample-history';
import { ok } from '../../../core/result';
import type { DemoMethods } from '../../../messaging/methods/demo';
import type { Handlers } from '../../../messaging/protocol';
import type { BackgroundDeps } from '../deps';

export const createDemoHandlers = (deps: BackgroundDeps): Handlers<DemoMethods> => ({
  'demo.load': async () => {
    const counts = await deps.demo.load(sampleHistory(Date.now()));
    // The demo's records were written without term vectors: the index catches up from the records.
    await deps.search.rebuild();
    return ok(counts);
  },
  'demo.remove': async () => {
    const { counts, ids } = await deps.demo.remove();
    await deps.search.rebuild();
    // The persona keeps no claim or interest that only demo records supported.
    for (const id of ids) await deps.personas.forgetRecord(id);
    return ok(counts);
  },
  'demo.status': async () => ok(await deps.demo.count()),
});
