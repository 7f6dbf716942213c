import type { TaskReport } from '../../core/fidelity/report';
import { MetricBars } from './MetricBars';
import { ReliabilityDiagram } from './ReliabilityDiagram';

const num = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '—');

/** One task of the report: persona against baseline, or why the row is missing. */
export const TaskCard = ({ task }: { task: TaskReport }) => (
  <div class="card" data-testid="fidelity-task" data-task={task.task} data-predictor={task.predictor} data-status={task.status}>
    <h3 style={{ margin: '0 0 0.25rem', fontSize: '0.95rem' }}>
      {task.title} — {task.predictor}
    </h3>
    <p class="muted" style={{ margin: '0 0 0.5rem' }}>
      {task.n} held-out items.{' '}
      {task.status === 'ok' ? (
        <>
          <span style={{ color: 'var(--accent)' }}>■</span> {task.personaLabel} against <span style={{ color: 'var(--muted)' }}>■</span> {task.baselineLabel}; whiskers are 95% bootstrap intervals.
        </>
      ) : null}
    </p>
    {task.status !== 'ok' ? (
      <p data-testid="task-reason">{task.status === 'insufficient' ? task.reason : `Not measured: ${task.reason ?? 'unavailable'}`}</p>
    ) : (
      <MetricBars persona={task.persona ?? {}} baseline={task.baseline ?? {}} label={`${task.title}, ${task.predictor}: ${task.personaLabel} against ${task.baselineLabel}`} />
    )}
    {task.calibration ? (
      <div style={{ display: 'flex', gap: '1rem', alignItems: 'center', flexWrap: 'wrap' }}>
        <ReliabilityDiagram bins={task.calibration.bins} label={`Reliability of ${task.predictor} reaction predictions`} />
        <ul data-testid="calibration-summary">
          <li>Your temperature: {num(task.calibration.temperature)} (fitted on held-out items by minimum NLL)</li>
          <li>NLL after temperature scaling: {num(task.calibration.nllCalibrated)} (cross-fitted)</li>
          <li>KL of the predicted mix against yours: {num(task.calibration.kl)} (baseline {num(task.calibration.klBaseline)})</li>
        </ul>
      </div>
    ) : null}
  </div>
);
