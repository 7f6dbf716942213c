import type { StyleCard } from '../../../core/persona/types';
import { t } from '../../../ui/i18n';

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

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
          <tr><th scope="row">{t('styleWordsPerSentence')}</th><td>{style.meanSentenceWords.toFixed(1)}</td></tr>
          <tr><th scope="row">{t('styleLettersPerWord')}</th><td>{style.meanWordLength.toFixed(2)}</td></tr>
          <tr><th scope="row">{t('styleVocabulary')}</th><td>{style.vocabularyRichness.toFixed(2)}</td></tr>
          <tr><th scope="row">{t('styleGreetings')}</th><td>{style.greetings.join(', ') || '—'}</td></tr>
          <tr><th scope="row">{t('styleSignOffs')}</th><td>{style.signOffs.join(', ') || '—'}</td></tr>
          <tr><th scope="row">{t('styleFunctionWords')}</th><td>{topWords.map(([w]) => w).join(' ')}</td></tr>
        </tbody>
      </table>
      <svg role="img" aria-label={t('styleRatesLabel')} width={420} height={rates.length * 20 + 4}>
        {rates.map(([name, value], i) => (
          <g key={name}>
            <text x={0} y={i * 20 + 14} font-size="12" fill="var(--fg)">{name}</text>
            <rect x={120} y={i * 20 + 4} width={(value / max) * 240} height={12} fill="var(--accent)" />
            <text x={126 + (value / max) * 240} y={i * 20 + 14} font-size="11" fill="var(--muted)">{pct(value)}</text>
          </g>
        ))}
      </svg>
      <p class="muted">{t('styleRatesNote')}</p>
    </div>
  );
};
