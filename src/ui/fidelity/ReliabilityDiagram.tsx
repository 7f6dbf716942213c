import type { ReliabilityBin } from '../../core/fidelity/classification';
import { t } from '../i18n';

const SIZE = 220;
const PAD = 32;
const PLOT = SIZE - PAD - 8;
const x = (v: number) => PAD + v * PLOT;
const y = (v: number) => 8 + (1 - v) * PLOT;

/** Accuracy against confidence per bin; the diagonal is perfect calibration. Empty bins are not drawn. */
export const ReliabilityDiagram = ({ bins, label }: { bins: readonly ReliabilityBin[]; label: string }) => (
  <svg width={SIZE} height={SIZE} viewBox={`0 0 ${SIZE} ${SIZE}`} role="img" aria-label={label} data-testid="reliability-diagram">
    <title>{label}</title>
    <rect x={x(0)} y={y(1)} width={PLOT} height={PLOT} fill="none" stroke="var(--border)" />
    <line x1={x(0)} y1={y(0)} x2={x(1)} y2={y(1)} stroke="var(--muted)" stroke-dasharray="4 3" />
    {bins.map((b) =>
      b.count ? (
        <rect key={b.from} data-testid="reliability-bar" x={x(b.from) + 1} y={y(b.accuracy)} width={PLOT / bins.length - 2} height={Math.max(0, y(0) - y(b.accuracy))} fill="var(--accent)" opacity="0.75">
          <title>{t('fidelityBinTitle', b.from.toFixed(1), b.to.toFixed(1), b.count, b.accuracy.toFixed(2), b.confidence.toFixed(2))}</title>
        </rect>
      ) : null,
    )}
    <text x={x(0.5)} y={SIZE - 4} text-anchor="middle" font-size="11" fill="var(--muted)">{t('fidelityAxisConfidence')}</text>
    <text x={10} y={y(0.5)} text-anchor="middle" font-size="11" fill="var(--muted)" transform={`rotate(-90 10 ${y(0.5)})`}>{t('fidelityAxisAccuracy')}</text>
    <text x={x(0)} y={y(0) + 12} text-anchor="middle" font-size="10" fill="var(--muted)">0</text>
    <text x={x(1)} y={y(0) + 12} text-anchor="middle" font-size="10" fill="var(--muted)">1</text>
  </svg>
);
