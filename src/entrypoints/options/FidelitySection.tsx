import { useEffect, useState } from 'preact/hooks';
import { rpc } from '../../messaging/client';
import { PairwiseCard } from '../../ui/fidelity/PairwiseCard';
import { TaskCard } from '../../ui/fidelity/TaskCard';
import { useLoaded } from '../../ui/use-rpc';
import { t } from '../../ui/i18n';

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
      <h2 id="fidelity-heading">{t('fidelityHeading')}</h2>
      <p class="muted">{t('fidelityIntro')}</p>
      <button type="button" onClick={run} data-testid="fidelity-run">
        {running ? t('fidelityResume') : report ? t('fidelityRunAgain') : t('fidelityRun')}
      </button>
      {error || latest.error ? <p class="error" role="alert">{error ?? latest.error}</p> : null}
      {report ? (
        <div data-testid="fidelity-report" data-status={report.status}>
          <p role="status">
            {report.status === 'running'
              ? t('fidelityRunning', report.progress.done, report.progress.total)
              : report.status === 'failed'
                ? t('fidelityStopped', report.error ?? t('fidelityUnknownError'))
                : t('fidelityFinished', new Date(report.updatedAt).toLocaleString(), report.split.writings.heldOut, report.split.writings.train + report.split.writings.heldOut, report.split.reactions.heldOut, report.split.reactions.train + report.split.reactions.heldOut)}
          </p>
          {report.tasks.map((task) => (
            <TaskCard key={`${task.predictor}/${task.task}`} task={task} />
          ))}
          {report.status === 'done' && report.pairwise ? <PairwiseCard pairwise={report.pairwise} /> : null}
          {report.status === 'done' ? (
            <div class="card" data-testid="fidelity-faithfulness">
              {report.faithfulness
                ? t('fidelityFaithfulness', report.faithfulness.supported, report.faithfulness.claims, report.faithfulness.judge, report.faithfulness.interval ? t('fidelityInterval', report.faithfulness.interval.low.toFixed(2), report.faithfulness.interval.high.toFixed(2)) : '')
                : t('fidelityNoClaims')}
              <br />
              {report.bigFive?.length
                ? report.bigFive.every((b) => b.runs > 1)
                  ? t('fidelityBigFive', report.bigFive.map((b) => `${b.trait} ${b.score.toFixed(2)} ± ${b.sd.toFixed(2)}`).join(', '))
                  : t('fidelityBigFiveOnce', report.bigFive.map((b) => `${b.trait} ${b.score.toFixed(2)}`).join(', '))
                : t('fidelityNoBigFive')}
            </div>
          ) : null}
        </div>
      ) : latest.value === null && !latest.error ? (
        <p class="muted">{t('fidelityNoReport')}</p>
      ) : null}
    </section>
  );
};
