import { formatPercent } from './format';
import { t } from './i18n';

/** Options with their probabilities as compact labelled bars, the most likely one said in words first. */
export const Distribution = ({ name, options, probabilities, label }: { name: string; options: string[]; probabilities: number[]; label?: string }) => {
  const top = probabilities.reduce((best, p, i) => (p > (probabilities[best] ?? -1) ? i : best), 0);
  return (
    <div data-testid={`distribution-${name}`}>
      {options.length ? (
        <p class="likely" data-testid={`likely-${name}`}>
          {t('distributionMostLikely', options[top] ?? '', formatPercent(probabilities[top] ?? 0))}
        </p>
      ) : null}
      <div class="distribution" role="list" aria-label={label}>
        {options.map((option, i) => (
          <div key={option} role="listitem" class={i === top ? 'distribution-row top' : 'distribution-row'} data-option={option} data-probability={probabilities[i]}>
            <span class="distribution-label">{option}</span>
            <span class="distribution-bar" aria-hidden="true">
              <span style={{ width: `${Math.round((probabilities[i] ?? 0) * 100)}%` }} />
            </span>
            <span class="distribution-value">{formatPercent(probabilities[i] ?? 0)}</span>
          </div>
        ))}
      </div>
    </div>
  );
};
