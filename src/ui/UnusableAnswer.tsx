import { useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { Job } from '../core/model/job';
import type { ParseError } from '../core/prompting/parse-json';
import { rpc } from '../messaging/client';
import { t } from './i18n';

/**
 * A model answer Doppel could not use: the sentence that says why, a retry (a new job from the same
 * inputs) and the way to a bigger model. The model's raw output is never shown.
 */
export const UnusableAnswer = ({ job, error, onNewJob }: { job: Job; error: ParseError; onNewJob: (jobId: string) => void }) => {
  const [failure, setFailure] = useState<string | null>(null);
  const retry = async () => {
    setFailure(null);
    try {
      onNewJob((await rpc('jobs.create', { kind: job.kind, from: job.id })).jobId);
    } catch (e) {
      setFailure((e as Error).message);
    }
  };
  return (
    <div class="error" data-testid="parse-error" data-code={error.code}>
      <p>{error.message}</p>
      <button type="button" class="secondary" onClick={() => void retry()} data-testid="retry">
        {t('answerRetry')}
      </button>{' '}
      <a href={browser.runtime.getURL('options/index.html#model')} target="_blank" rel="noreferrer">
        {t('answerBiggerModel')}
      </a>
      {failure ? <p role="alert">{failure}</p> : null}
    </div>
  );
};
