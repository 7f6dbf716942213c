import type { PairwiseReport, PairwiseRow } from '../../core/fidelity/report';
import { t } from '../i18n';

const interval = (row: PairwiseRow) => (row.preferred.interval ? t('fidelityInterval', row.preferred.interval.low.toFixed(2), row.preferred.interval.high.toFixed(2)) : '');
const values = (row: PairwiseRow) => [row.wins, row.n, row.preferred.value.toFixed(2), interval(row)] as const;

/** The engine's pairwise verdict on its own drafts, with the check that says whether to trust it. */
export const PairwiseCard = ({ pairwise }: { pairwise: PairwiseReport }) => {
  const persona = pairwise.rows.find((r) => r.comparison === 'persona-vs-baseline');
  const check = pairwise.rows.find((r) => r.comparison === 'real-vs-baseline');
  return (
    <div class="card" data-testid="fidelity-pairwise" data-status={pairwise.status}>
      {pairwise.status !== 'ok' ? (
        t('fidelityPairwiseUnavailable', pairwise.reason ?? '')
      ) : (
        <>
          {persona ? <p>{t('fidelityPairwise', ...values(persona))}</p> : null}
          {check ? <p class="muted">{t('fidelityPairwiseCheck', ...values(check))}</p> : null}
        </>
      )}
    </div>
  );
};
