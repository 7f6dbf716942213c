import type { StyleCard } from '../../../core/persona/types';
import { formatNumber, formatPercent } from '../../../ui/format';
import { t, type MessageKey } from '../../../ui/i18n';

/** Human names for the measured rates (the style card's keys are code names). */
const RATE_LABEL: Record<string, MessageKey> = {
  exclamation: 'rateExclamation',
  question: 'rateQuestion',
  ellipsis: 'rateEllipsis',
  emoji: 'rateEmoji',
  comma: 'rateComma',
  uppercaseStart: 'rateUppercaseStart',
  allLowercase: 'rateAllLowercase',
};

const pct = (v: number) => (v > 0 && v < 0.01 ? '<1%' : formatPercent(v));

/** The measured style card: numbers, and the punctuation and casing rates as bars. */
export const StyleStats = ({ style }: { style: StyleCard }) => {
  const rates = Object.entries(style.rates);
  const max = Math.max(0.01, ...rates.map(([, v]) => v));
  const topWords = Object.entries(style.functionWords).sort((a, b) => b[1] - a[1]).slice(0, 12);
  return (
    <div data-testid="style-stats">
      <table>
        <tbody>
          <tr><th scope="row">{t('styleWritingsMeasured')}</th><td>{t('styleSamples', style.samples, style.words)}</td></tr>
          <tr><th scope="row">{t('styleWordsPerSentence')}</th><td>{formatNumber(style.meanSentenceWords, 1)}</td></tr>
          <tr><th scope="row">{t('styleLettersPerWord')}</th><td>{formatNumber(style.meanWordLength, 1)}</td></tr>
          <tr><th scope="row">{t('styleVocabulary')}</th><td>{formatPercent(style.vocabularyRichness)}</td></tr>
          <tr><th scope="row">{t('styleGreetings')}</th><td>{style.greetings.join(', ') || '—'}</td></tr>
          <tr><th scope="row">{t('styleSignOffs')}</th><td>{style.signOffs.join(', ') || '—'}</td></tr>
          <tr><th scope="row">{t('styleFunctionWords')}</th><td>{topWords.map(([w]) => w).join(' ')}</td></tr>
        </tbody>
      </table>
      <div class="distribution" role="list" aria-label={t('styleRatesLabel')} style={{ maxWidth: '560px' }}>
        {rates.map(([name, value]) => (
          <div key={name} role="listitem" class="distribution-row" data-rate={name}>
            <span class="distribution-label">{RATE_LABEL[name] ? t(RATE_LABEL[name]!) : name}</span>
            <span class="distribution-bar" aria-hidden="true">
              <span style={{ width: `${(value / max) * 100}%` }} />
            </span>
            <span class="distribution-value">{pct(value)}</span>
          </div>
        ))}
      </div>
      <p class="muted">{t('styleRatesNote')}</p>
    </div>
  );
};
