import { rpc } from '../messaging/client';
import { formatPercent } from './format';
import { t } from './i18n';
import { Meter } from './Meter';
import { useLoaded } from './use-rpc';

const verdict = (score: number) => (score >= 0.75 ? t('styleMatchHigh') : score >= 0.5 ? t('styleMatchFair') : t('styleMatchLow'));

/** How much a text sounds like the user, from their measured style card; recomputed as they edit. */
export const StyleMatch = ({ text }: { text: string }) => {
  const match = useLoaded(() => rpc('persona.styleMatch', { text }), [text]);
  const score = match.value?.score;
  if (match.value === null || !text.trim()) return null;
  if (score === null || score === undefined)
    return (
      <p class="muted small" data-testid="style-match" data-score="">
        {t('styleMatchUnknown')}
      </p>
    );
  return (
    <div data-testid="style-match" data-score={score}>
      <Meter label={t('styleMatchLabel')} value={score} valueText={`${formatPercent(score)} · ${verdict(score)}`} note={t('styleMatchNote')} />
    </div>
  );
};
