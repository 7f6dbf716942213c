import type { PersonaDoc } from '../../../core/persona/types';
import { formatMonth } from '../../../ui/format';
import { t } from '../../../ui/i18n';

const W = 560;
const ROW = 30;
const LEFT = 170;
const RIGHT = 54;
const AXIS = 22;

const monthLabel = (key: string) => {
  const [year, month] = key.split('-').map(Number);
  return year && month ? formatMonth(Date.UTC(year, month - 1, 15)) : key;
};

/** Records per month for the top interests: one line each on a shared scale, months along a labelled axis. */
export const InterestsChart = ({ interests }: { interests: PersonaDoc['interests'] }) => {
  const top = interests.filter((i) => i.months).slice(0, 8);
  const months = [...new Set(top.flatMap((i) => Object.keys(i.months ?? {})))].sort();
  if (top.length === 0 || months.length === 0) return null;
  const max = Math.max(1, ...top.flatMap((i) => Object.values(i.months ?? {})));
  const plot = W - LEFT - RIGHT;
  const x = (i: number) => LEFT + (months.length > 1 ? (i * plot) / (months.length - 1) : plot / 2);
  const height = ROW * top.length + AXIS;
  // At most six month labels, evenly spread, first and last always shown.
  const every = Math.max(1, Math.ceil(months.length / 6));
  return (
    <figure style={{ margin: 0 }}>
      <svg role="img" aria-label={t('personaInterests')} viewBox={`0 0 ${W} ${height}`} width="100%" style={{ maxWidth: `${W}px` }} data-testid="interests-chart">
        {top.map((interest, row) => {
          const base = row * ROW + ROW - 6;
          const y = (v: number) => base - (v / max) * (ROW - 10);
          const points = months.map((m, i) => `${x(i)},${y(interest.months?.[m] ?? 0)}`).join(' ');
          const peak = Math.max(...months.map((m) => interest.months?.[m] ?? 0));
          return (
            <g key={interest.phrase}>
              <text x={0} y={base} style={{ fill: 'var(--fg)', fontSize: '12px' }}>
                {interest.phrase.length > 24 ? `${interest.phrase.slice(0, 23)}…` : interest.phrase}
              </text>
              <line class="grid" x1={LEFT} x2={LEFT + plot} y1={y(max)} y2={y(max)} />
              <line class="axis" x1={LEFT} x2={LEFT + plot} y1={base} y2={base} />
              <polyline points={points} fill="none" stroke="var(--accent)" stroke-width="1.75" />
              <text x={W - RIGHT + 6} y={base}>
                {t('interestsAxisCount', peak)}
              </text>
            </g>
          );
        })}
        {months.map((m, i) =>
          i % every === 0 || i === months.length - 1 ? (
            <g key={m}>
              <line class="axis" x1={x(i)} x2={x(i)} y1={ROW * top.length - 6} y2={ROW * top.length - 2} />
              <text x={x(i)} y={ROW * top.length + 12} text-anchor="middle">
                {monthLabel(m)}
              </text>
            </g>
          ) : null,
        )}
      </svg>
      <figcaption class="muted small">{t('interestsCaption', max)}</figcaption>
    </figure>
  );
};
