import { HUMAN_NORMS } from '../../../core/persona/ipip50';
import type { BigFiveTrait } from '../../../core/persona/types';

const NAMES: Record<BigFiveTrait['trait'], string> = { E: 'Extraversion', A: 'Agreeableness', C: 'Conscientiousness', N: 'Neuroticism', O: 'Openness' };
const W = 420;
const ROW = 34;
const LEFT = 130;
const x = (score: number) => LEFT + ((score - 1) / 4) * (W - LEFT - 10);

/** Each trait on the 1–5 scale: the human norm as a band (mean ± SD), the persona as a dot with its SD between runs. */
export const TraitsChart = ({ traits }: { traits: BigFiveTrait[] }) => (
  <figure>
    <svg role="img" aria-label="Big Five traits against human norms" width={W} height={ROW * traits.length + 24} data-testid="traits-chart">
      {[1, 2, 3, 4, 5].map((v) => (
        <g key={v}>
          <line x1={x(v)} x2={x(v)} y1={0} y2={ROW * traits.length} stroke="var(--border)" />
          <text x={x(v)} y={ROW * traits.length + 16} text-anchor="middle" font-size="11" fill="var(--muted)">{v}</text>
        </g>
      ))}
      {traits.map((t, i) => {
        const norm = HUMAN_NORMS[t.trait];
        const y = i * ROW + ROW / 2;
        return (
          <g key={t.trait}>
            <text x={0} y={y + 4} font-size="12" fill="var(--fg)">{NAMES[t.trait]} ({t.evidenceCount})</text>
            <rect x={x(Math.max(1, norm.mean - norm.sd))} y={y - 7} width={x(Math.min(5, norm.mean + norm.sd)) - x(Math.max(1, norm.mean - norm.sd))} height={14} fill="var(--surface)" stroke="var(--border)" />
            <line x1={x(norm.mean)} x2={x(norm.mean)} y1={y - 7} y2={y + 7} stroke="var(--muted)" />
            <line x1={x(Math.max(1, t.score - t.sd))} x2={x(Math.min(5, t.score + t.sd))} y1={y} y2={y} stroke="var(--accent)" stroke-width="2" />
            <circle cx={x(t.score)} cy={y} r={5} fill="var(--accent)">
              <title>{`${NAMES[t.trait]} ${t.score.toFixed(2)} ± ${t.sd.toFixed(2)} over ${t.runs} runs; human mean ${norm.mean}`}</title>
            </circle>
          </g>
        );
      })}
    </svg>
    <figcaption class="muted">Dot: the persona-conditioned model's IPIP-50 score (± SD over runs). Band: human norms, mean ± SD (IPIP-NEO, n = 619,150). In brackets: evidence records behind it.</figcaption>
  </figure>
);
