import { useState } from 'preact/hooks';
import type { JobKind } from '../../core/model/job';
import { rpc } from '../../messaging/client';
import { Button } from '../../ui/Button';
import { t } from '../../ui/i18n';

/** The three things Doppel does for a page, for the tab beside the panel. */
export const PageActions = ({ tabId, onJob, onInterview, interview }: { tabId: () => Promise<number | null>; onJob: (jobId: string) => void; onInterview: () => void; interview: boolean }) => {
  const [error, setError] = useState<string | null>(null);
  const start = async (kind: JobKind) => {
    setError(null);
    try {
      const id = await tabId();
      if (id === null) throw new Error(t('pageNone'));
      onJob((await rpc('jobs.create', { kind, tabId: id, fromTab: true })).jobId);
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  return (
    <>
      <div class="actions">
        <Button onClick={() => void start('react')}>{t('popupReact')}</Button>
        <Button variant="secondary" onClick={() => void start('draft')}>
          {t('popupDraft')}
        </Button>
        <Button variant="secondary" aria-expanded={interview} onClick={onInterview}>
          {t('popupInterview')}
        </Button>
      </div>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
};
