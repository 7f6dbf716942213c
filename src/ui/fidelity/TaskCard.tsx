import type { TaskReport } from '../../core/fidelity/report';
import { MetricBars } from './MetricBars';
import { ReliabilityDiagram } from './ReliabilityDiagram';
import { t } from '../i18n';

const num = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '—');

/** One task of the report: persona against baseline, or why the row is missing. */
export const TaskCard = ({ task }: { task: TaskReport }) => (
  <div class="card" data-testid="fidelity-task" data-task={task.task} data-predictor={task.predictor} data-status={task.status}>
    <h3 style={{ margin: '0 0 0.25rem', fontSize: '0.95rem' }}>
      {task.title} — {task.predictor}
    </h3>
    <p class="muted" style={{ margin: '0 0 0.5rem' }}>
      {t('fidelityHeldOutItems', task.n)}{' '}
      {task.status === 'ok' ? (
        <>
          <span style={{ color: 'var(--accent)' }}>■</span> {task.personaLabel} {t('fidelityAgainst')} <span style={{ color: 'var(--muted)' }}>■</span> {task.baselineLabel}
          {t('fidelityWhiskers')}
        </>
      ) : null}
    </p>
    {task.status !== 'ok' ? (
      <p data-testid="task-reason">{task.status === 'insufficient' ? task.reason : t('fidelityNotMeasured', task.reason ?? t('fidelityUnavailable'))}</p>
    ) : (
      <MetricBars persona={task.persona ?? {}} baseline={task.baseline ?? {}} label={t('fidelityBarsLabel', task.title, task.predictor, String(task.personaLabel), String(task.baselineLabel))} />
    )}
    {task.calibration ? (
      <div style={{ display: 'flex', gap: '1rem', alignItems: 'center', flexWrap: 'wrap' }}>
        <ReliabilityDiagram bins={task.calibration.bins} label={t('fidelityReliabilityLabel', task.predictor)} />
        <ul data-testid="calibration-summary">
          <li>{t('fidelityTemperature', num(task.calibration.temperature))}</li>
          <li>{t('fidelityNllCalibrated', num(task.calibration.nllCalibrated))}</li>
          <li>{t('fidelityKl', num(task.calibration.kl), num(task.calibration.klBaseline))}</li>
        </ul>
      </div>
    ) : null}
  </div>
);
