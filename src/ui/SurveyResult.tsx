import { useState } from 'preact/hooks';
import type { Job } from '../core/model/job';
import { argmax, expectedValue, withTemperature } from '../core/tasks/distribution';
import { Distribution } from './Distribution';
import { EvidenceList } from './EvidenceList';
import { t } from './i18n';

type Result = Extract<NonNullable<Job['result']>, { kind: 'survey' }>;

/** The answer distribution with the user's temperature applied: 1 keeps the model's spread, lower commits to the likeliest answer. */
export const SurveyResult = ({ job, result }: { job: Job; result: Result }) => {
  const [temperature, setTemperature] = useState(1);
  const p = result.probabilities ? withTemperature(result.probabilities, temperature) : null;
  const values = result.options.map((o) => o.value);
  return (
    <section data-testid="survey-result">
      {result.reason ? <p data-testid="survey-reason">{result.reason}</p> : null}
      {result.scoringError || !p ? (
        <p class="error" role="alert" data-testid="scoring-error" data-code={result.scoringError?.code}>
          {result.scoringError ? t('surveyScoringErrorWithReason', result.scoringError.message) : t('surveyScoringError')}
        </p>
      ) : (
        <>
          <label>
            {t('surveyTemperature')} <span data-testid="temperature-value">{temperature.toFixed(2)}</span>
            <input type="range" min={0.1} max={3} step={0.05} value={temperature} data-testid="temperature" onInput={(e) => setTemperature(Number((e.currentTarget as HTMLInputElement).value))} />
          </label>
          <Distribution name="answer" options={result.options.map((o) => (o.label === o.option ? o.option : `${o.option} — ${o.label}`))} probabilities={p} />
          <p>
            {t('surveyExpectedValue')} <strong data-testid="expected-value">{expectedValue(p, values).toFixed(2)}</strong>
            {t('surveyMostLikely', result.options[argmax(p)]?.label ?? '')}
          </p>
        </>
      )}
      <EvidenceList evidence={job.evidence ?? []} />
    </section>
  );
};
