import type { PersonaDoc } from '../../../core/persona/types';
import { t } from '../../../ui/i18n';

const W = 420;
const ROW = 26;
const LEFT = 150;

/** Records per month for the top interests, one sparkline each. */
export const InterestsChart = ({ interests }: { interests: PersonaDoc['interests'] }) => {
  const top = interests.filter((i) => i.months).slice(0, 8);
  const months = [...new Set(top.flatMap((i) => Object.keys(i.months ?? {})))].sort();
  if (top.length === 0 || months.length === 0) return null;
  const max = Math.max(1, ...top.flatMap((i) => Object.values(i.months ?? {})));
  const step = months.length > 1 ? (W - LEFT - 10) / (months.length - 1) : 0;
  return (
    <figure>
      <svg role="img" aria-label={t('personaInterests')} width={W} height={ROW * top.length + 20} data-testid="interests-chart">
        {top.map((interest, row) => {
          const base = row * ROW + ROW - 4;
          const points = months.map((m, i) => `${LEFT + i * step},${base - ((interest.months?.[m] ?? 0) / max) * (ROW - 8)}`).join(' ');
          return (
            <g key={interest.phrase}>
              <text x={0} y={base} font-size="12" fill="var(--fg)">{interest.phrase}</text>
              <polyline points={points} fill="none" stroke="var(--accent)" stroke-width="1.5" />
            </g>
          );
        })}
        <text x={LEFT} y={ROW * top.length + 16} font-size="11" fill="var(--muted)">{months[0]}</text>
        <text x={W - 10} y={ROW * top.length + 16} font-size="11" fill="var(--muted)" text-anchor="end">{months.at(-1)}</text>
      </svg>
    </figure>
  );
};
