import { useState } from 'preact/hooks';
import { t } from './i18n';
import { useLoaded } from './use-rpc';

export interface ConsentStore {
  load: () => Promise<{ captureConsent: boolean }>;
  save: (change: { captureConsent: boolean }) => Promise<void>;
}

/** The capture consent: off until the user turns it on, with what is never captured in plain view. The page passes the settings store in. */
export const CaptureConsent = ({ editHref, store }: { editHref?: string; store: ConsentStore }) => {
  const settings = useLoaded(() => store.load());
  // The box follows the click at once; the stored setting follows it.
  const [choice, setChoice] = useState<boolean | null>(null);
  const on = choice ?? settings.value?.captureConsent ?? false;
  const toggle = (event: Event) => {
    const next = (event.currentTarget as HTMLInputElement).checked;
    setChoice(next);
    void store.save({ captureConsent: next });
  };
  return (
    <div data-testid="capture-consent" data-on={String(on)}>
      <p>{t('consentBody')}</p>
      <p class="muted">{t('consentExclusions')}</p>
      <label>
        <input type="checkbox" checked={on} disabled={!settings.value} onChange={toggle} data-testid="consent-toggle" /> {t('consentToggle')}
      </label>
      <p role="status">{on ? t('consentOn') : t('consentOff')}</p>
      {editHref ? (
        <p>
          <a href={editHref}>{t('consentEdit')}</a>
        </p>
      ) : null}
    </div>
  );
};
