import type { LlmEngine } from '../../core/engine/port';
import { historyFrequencyPredictor, styleMatchPredictor } from '../../core/fidelity/deterministic-predictors';
import { enginePredictor } from '../../core/fidelity/engine-predictors';
import { enginePairwiseJudge } from '../../core/fidelity/pairwise-judge';
import type { FidelityReport } from '../../core/fidelity/report';
import { ENGINE_MAX_ITEMS } from '../../core/fidelity/rolling-origin';
import { rerankPredictor } from '../../core/fidelity/rerank-predictor';
import { runFidelity } from '../../core/fidelity/run';
import { isSmallModel } from '../../core/prompting/tokens';
import { toAppError } from '../../core/result';
import type { EngineHost } from '../../adapters/engine/engine-host';
import type { ReportStore } from '../../adapters/db/report-store';

/**
 * The engine as the fidelity run sees it: each call takes its own turn in the host's queue
 * (`host.use`), so the user's own drafts are never stuck behind a whole report.
 */
export const queuedEngine = (host: Pick<EngineHost, 'use'>): Pick<LlmEngine, 'generate' | 'scoreOptions'> => ({
  generate: (request, onToken, signal) => host.use((engine) => engine.generate(request, onToken, signal)),
  scoreOptions: (request, signal) => host.use((engine) => engine.scoreOptions(request, signal)),
});

/**
 * Runs the fidelity report in the engine host as a resumable job: every prediction is checkpointed
 * into the report record, and a start after the host died continues the unfinished report.
 */
export const createFidelityRunner = (deps: { host: Pick<EngineHost, 'use'>; reports: ReportStore; now?: () => number; modelBytes?: () => Promise<number | undefined> }) => {
  let running: { id: string; done: Promise<void> } | null = null;
  const now = deps.now ?? Date.now;

  const start = async (maxItems = ENGINE_MAX_ITEMS, { rerank = false, judge = false } = {}): Promise<{ reportId: string }> => {
    if (running) return { reportId: running.id };
    const latest = await deps.reports.latest();
    const resume = latest?.status === 'running' ? latest : undefined;
    const id = resume?.id ?? `fidelity-${now()}`;
    const work = async () => {
      try {
        const history = await deps.reports.history();
        const small = isSmallModel(await deps.modelBytes?.().catch(() => undefined));
        const report = await runFidelity({
          id,
          history,
          now,
          predictors: [
            enginePredictor(queuedEngine(deps.host), { small }),
            ...(rerank ? [rerankPredictor(queuedEngine(deps.host), { small })] : []),
            styleMatchPredictor,
            historyFrequencyPredictor,
          ],
          maxItems,
          ...(judge ? { pairwise: { judge: enginePairwiseJudge(queuedEngine(deps.host)), predictor: 'engine' } } : {}),
          ...(resume ? { resume } : {}),
          checkpoint: (partial) => deps.reports.put(partial),
        });
        await deps.reports.put(report);
      } catch (error) {
        const partial = (await deps.reports.latest()) ?? resume;
        await deps.reports.put({ ...(partial ?? emptyReport(id, now())), id, status: 'failed', updatedAt: now(), error: toAppError(error).message });
      }
    };
    if (!resume) await deps.reports.put(emptyReport(id, now()));
    running = { id, done: work().finally(() => (running = null)) };
    return { reportId: id };
  };

  return { start, whenIdle: () => running?.done ?? Promise.resolve() };
};

const emptyReport = (id: string, at: number): FidelityReport => ({
  id,
  createdAt: at,
  updatedAt: at,
  status: 'running',
  progress: { done: 0, total: 0 },
  split: { share: 0, writings: { train: 0, heldOut: 0 }, reactions: { train: 0, heldOut: 0 } },
  tasks: [],
  predictions: {},
});
