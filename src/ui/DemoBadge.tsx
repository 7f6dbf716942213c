import { t } from './i18n';

/** Marks anything that comes from the demo history, so it is never mistaken for the user's own. */
export const DemoBadge = () => (
  <span class="badge demo" title={t('demoBadgeTitle')}>
    {t('demoBadge')}
  </span>
);
