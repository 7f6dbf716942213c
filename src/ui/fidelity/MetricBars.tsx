import { METRIC_LABELS, type MetricKey, type Metrics, type MetricValue } from '../../core/fidelity/report';
import { t } from '../i18n';

const ROW = 30;
const LABEL = 150;
const WIDTH = 520;
const BAR_W = WIDTH - LABEL - 70;

const extent = (values: (MetricValue | undefined)[]) => Math.max(1, ...values.flatMap((v) => (v ? [v.value, v.interval?.high ?? 0] : [])).filter(Number.isFinite));

const Bar = ({ value, top, max, fill, arm }: { value?: MetricValue; top: number; max: number; fill: string; arm: string }) => {
  if (!value || !Number.isFinite(value.value)) return null;
  const w = (v: number) => LABEL + (Math.max(0, v) / max) * BAR_W;
  return (
    <g data-testid="metric-bar" data-arm={arm}>
      <rect x={LABEL} y={top} width={w(value.value) - LABEL} height={10} fill={fill} />
      {value.interval ? <line data-testid="metric-interval" x1={w(value.interval.low)} x2={w(value.interval.high)} y1={top + 5} y2={top + 5} stroke="var(--fg)" stroke-width="1.5" /> : null}
      <text x={WIDTH - 64} y={top + 9} font-size="11" fill="var(--fg)">{value.value.toFixed(3)}</text>
    </g>
  );
};

/** Persona arm against baseline, one pair of bars per metric, whiskers = bootstrap 95% interval. */
export const MetricBars = ({ persona, baseline, label }: { persona: Metrics; baseline: Metrics; label: string }) => {
  const keys = Object.keys(persona) as MetricKey[];
  return (
    <svg width={WIDTH} height={keys.length * ROW + 6} viewBox={`0 0 ${WIDTH} ${keys.length * ROW + 6}`} role="img" aria-label={label} data-testid="metric-bars">
      <title>{label}</title>
      {keys.map((key, i) => {
        const max = extent([persona[key], baseline[key]]);
        const top = i * ROW + 3;
        const { label: name, better } = METRIC_LABELS[key];
        return (
          <g key={key}>
            <text x={0} y={top + 14} font-size="12" fill="var(--fg)">{name}</text>
            <text x={0} y={top + 26} font-size="10" fill="var(--muted)">{better === 'one' ? t('fidelityBestAtOne') : t('fidelityBetter', better)}</text>
            <Bar value={persona[key]} top={top} max={max} fill="var(--accent)" arm="persona" />
            <Bar value={baseline[key]} top={top + 13} max={max} fill="var(--muted)" arm="baseline" />
          </g>
        );
      })}
    </svg>
  );
};
