import { useEffect, useState } from 'preact/hooks';
import { rpc } from '../../messaging/client';
import { TaskCard } from '../../ui/fidelity/TaskCard';
import { useLoaded } from '../../ui/use-rpc';

const POLL_MS = 1000;

export const FidelitySection = () => {
  const latest = useLoaded(() => rpc('fidelity.latest', {}));
  const [error, setError] = useState<string | null>(null);
  const report = latest.value;
  const running = report?.status === 'running';

  useEffect(() => {
    if (!running) return;
    const timer = setInterval(latest.reload, POLL_MS);
    return () => clearInterval(timer);
  }, [running, latest.reload]);

  const run = async () => {
    setError(null);
    try {
      await rpc('fidelity.run', {});
      latest.reload();
    } catch (failure) {
      setError((failure as Error).message);
    }
  };

  return (
    <section aria-labelledby="fidelity-heading">
      <h2 id="fidelity-heading">Fidelity</h2>
      <p class="muted">
        How well Doppel predicts you, measured on your own newest writings and reactions, which it holds out and never learns from. Each task is
        predicted with your persona and without it; bars show both, with 95% intervals.
      </p>
      <button type="button" onClick={run} data-testid="fidelity-run">
        {running ? 'Resume the report' : report ? 'Run the report again' : 'Run the report'}
      </button>
      {error || latest.error ? <p class="error" role="alert">{error ?? latest.error}</p> : null}
      {report ? (
        <div data-testid="fidelity-report" data-status={report.status}>
          <p role="status">
            {report.status === 'running'
              ? `Running: ${report.progress.done} of ${report.progress.total} predictions.`
              : report.status === 'failed'
                ? `The report stopped: ${report.error ?? 'unknown error'}`
                : `Finished ${new Date(report.updatedAt).toLocaleString()}. Held out: ${report.split.writings.heldOut} of ${report.split.writings.train + report.split.writings.heldOut} writings, ${report.split.reactions.heldOut} of ${report.split.reactions.train + report.split.reactions.heldOut} reactions.`}
          </p>
          {report.tasks.map((task) => (
            <TaskCard key={`${task.predictor}/${task.task}`} task={task} />
          ))}
          {report.status === 'done' ? (
            <div class="card" data-testid="fidelity-faithfulness">
              {report.faithfulness
                ? `Faithfulness: ${report.faithfulness.supported} of ${report.faithfulness.claims} claims about you cite records that exist and support them (${report.faithfulness.judge} judge)${report.faithfulness.interval ? `, 95% interval ${report.faithfulness.interval.low.toFixed(2)}–${report.faithfulness.interval.high.toFixed(2)}` : ''}.`
                : 'Faithfulness: there are no claims about you yet.'}
              <br />
              {report.bigFive?.length
                ? `Big Five stability (SD over runs, lower is steadier): ${report.bigFive.map((b) => `${b.trait} ${b.score.toFixed(2)} ± ${b.sd.toFixed(2)}`).join(', ')}.`
                : 'Big Five stability: no personality runs yet.'}
            </div>
          ) : null}
        </div>
      ) : latest.value === null && !latest.error ? (
        <p class="muted">No report yet.</p>
      ) : null}
    </section>
  );
};
