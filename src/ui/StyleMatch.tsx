import { rpc } from '../messaging/client';
import { t } from './i18n';
import { useLoaded } from './use-rpc';

/** How much a text sounds like the user, from their measured style card; recomputed as they edit. */
export const StyleMatch = ({ text }: { text: string }) => {
  const match = useLoaded(() => rpc('persona.styleMatch', { text }), [text]);
  const score = match.value?.score;
  if (match.value === null || !text.trim()) return null;
  return (
    <p class="muted" data-testid="style-match" data-score={score ?? ''}>
      {score === null || score === undefined ? t('styleMatchUnknown') : t('styleMatch', score.toFixed(2))}
    </p>
  );
};
