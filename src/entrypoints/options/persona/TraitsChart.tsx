import { HUMAN_NORMS } from '../../../core/persona/ipip50';
import type { BigFiveTrait } from '../../../core/persona/types';
import { t, type MessageKey } from '../../../ui/i18n';

const NAMES: Record<BigFiveTrait['trait'], MessageKey> = { E: 'traitExtraversion', A: 'traitAgreeableness', C: 'traitConscientiousness', N: 'traitNeuroticism', O: 'traitOpenness' };
const W = 420;
const ROW = 34;
const LEFT = 130;
const x = (score: number) => LEFT + ((score - 1) / 4) * (W - LEFT - 10);

/** Each trait on the 1–5 scale: the human norm as a band (mean ± SD), the persona as a dot with its SD between runs. */
export const TraitsChart = ({ traits }: { traits: BigFiveTrait[] }) => (
  <figure>
    <svg role="img" aria-label={t('traitsLabel')} width={W} height={ROW * traits.length + 24} data-testid="traits-chart">
      {[1, 2, 3, 4, 5].map((v) => (
        <g key={v}>
          <line x1={x(v)} x2={x(v)} y1={0} y2={ROW * traits.length} stroke="var(--border)" />
          <text x={x(v)} y={ROW * traits.length + 16} text-anchor="middle" font-size="11" fill="var(--muted)">{v}</text>
        </g>
      ))}
      {traits.map((trait, i) => {
        const norm = HUMAN_NORMS[trait.trait];
        const y = i * ROW + ROW / 2;
        return (
          <g key={trait.trait}>
            <text x={0} y={y + 4} font-size="12" fill="var(--fg)">{t(NAMES[trait.trait])} ({trait.evidenceCount})</text>
            <rect x={x(Math.max(1, norm.mean - norm.sd))} y={y - 7} width={x(Math.min(5, norm.mean + norm.sd)) - x(Math.max(1, norm.mean - norm.sd))} height={14} fill="var(--surface)" stroke="var(--border)" />
            <line x1={x(norm.mean)} x2={x(norm.mean)} y1={y - 7} y2={y + 7} stroke="var(--muted)" />
            <line x1={x(Math.max(1, trait.score - trait.sd))} x2={x(Math.min(5, trait.score + trait.sd))} y1={y} y2={y} stroke="var(--accent)" stroke-width="2" />
            <circle cx={x(trait.score)} cy={y} r={5} fill="var(--accent)">
              <title>{t('traitsTooltip', t(NAMES[trait.trait]), trait.score.toFixed(2), trait.sd.toFixed(2), trait.runs, norm.mean)}</title>
            </circle>
          </g>
        );
      })}
    </svg>
    <figcaption class="muted">{t('traitsCaption')}</figcaption>
  </figure>
);
