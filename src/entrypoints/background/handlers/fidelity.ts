import { ok } from '../../../core/result';
import type { FidelityMethods } from '../../../messaging/methods/fidelity';
import type { Handlers } from '../../../messaging/protocol';
import type { BackgroundDeps } from '../deps';

export const createFidelityHandlers = (deps: BackgroundDeps): Handlers<FidelityMethods> => ({
  'fidelity.latest': async () => {
    const report = await deps.reports.latest();
    if (!report) return ok(null);
    const { predictions: _predictions, ...view } = report;
    return ok(view);
  },
  'fidelity.run': async (input) => deps.host.call('host.fidelity.run', input),
});
