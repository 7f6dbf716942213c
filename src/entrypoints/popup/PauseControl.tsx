import { useState } from 'preact/hooks';
import { loadSettings } from '../../adapters/browser/settings-store';
import { rpc } from '../../messaging/client';
import { useLoaded } from '../../ui/use-rpc';
import { t } from '../../ui/i18n';

const clock = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

/** One click pauses capture for an hour; the toolbar icon shows it until it ends or the user resumes. */
export const PauseControl = () => {
  const settings = useLoaded(() => loadSettings());
  const [error, setError] = useState<string | null>(null);
  const pausedUntil = settings.value?.pausedUntil ?? 0;
  const paused = pausedUntil > Date.now();
  const pause = async (minutes: number) => {
    setError(null);
    try {
      await rpc('capture.pause', { minutes });
      settings.reload();
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  return (
    <div data-testid="pause-control" data-paused={paused ? 'true' : 'false'}>
      {paused ? (
        <>
          <p class="small">{t('pausePausedUntil', clock.format(pausedUntil))}</p>
          <button type="button" class="secondary small" onClick={() => pause(0)} data-testid="resume-capture">
            {t('pauseResume')}
          </button>
        </>
      ) : (
        <button type="button" class="ghost small" onClick={() => pause(60)} data-testid="pause-capture">
          {t('pauseForHour')}
        </button>
      )}
      {error ? <p class="error" role="alert">{error}</p> : null}
    </div>
  );
};
