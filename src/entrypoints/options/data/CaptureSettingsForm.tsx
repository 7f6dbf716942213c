import { useState } from 'preact/hooks';
import { loadSettings, saveSettings } from '../../../adapters/browser/settings-store';
import type { CaptureSettings } from '../../../core/capture/settings';
import { useLoaded } from '../../../ui/use-rpc';
import { t } from '../../../ui/i18n';

const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

/** Allow/deny patterns, the webmail opt-in and retention limits: stored as settings items on this device. */
export const CaptureSettingsForm = ({ onChange }: { onChange: () => void }) => {
  const loaded = useLoaded(() => loadSettings());
  const [saved, setSaved] = useState(false);
  if (!loaded.value) return <p class="muted">{t('captureSettingsLoading')}</p>;
  const s = loaded.value;
  const submit = async (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const change: Partial<CaptureSettings> = {
      allowPatterns: lines(String(form.get('allow') ?? '')),
      denyPatterns: lines(String(form.get('deny') ?? '')),
      webmailSentReplies: form.get('webmail') === 'on',
      retentionDays: Math.max(0, Number(form.get('days')) || 0),
      retentionMegabytes: Math.max(0, Number(form.get('megabytes')) || 0),
    };
    await saveSettings(change);
    setSaved(true);
    loaded.reload();
    onChange();
  };
  return (
    <form class="card" onSubmit={submit} data-testid="capture-settings">
      <p class="muted">
        {t('captureSettingsNever')} {t('captureSettingsPatternSite')} (<code>example.com</code>) {t('captureSettingsPatternAddress')} <code>*</code> (<code>example.com/blog/*</code>).
      </p>
      <label>
        {t('captureSettingsAllow')}
        <textarea name="allow" rows={3} style={{ width: '100%' }} value={s.allowPatterns.join('\n')} />
      </label>
      <label>
        {t('captureSettingsDeny')}
        <textarea name="deny" rows={3} style={{ width: '100%' }} value={s.denyPatterns.join('\n')} data-testid="deny-patterns" />
      </label>
      <label style={{ display: 'block' }}>
        <input type="checkbox" name="webmail" checked={s.webmailSentReplies} /> {t('captureSettingsWebmail')}
      </label>
      <label>
        {t('captureSettingsOlderThan')} <input type="number" name="days" min={0} value={s.retentionDays} style={{ width: '5rem' }} /> {t('captureSettingsDays')}
      </label>{' '}
      <label>
        {t('captureSettingsAtMost')} <input type="number" name="megabytes" min={0} value={s.retentionMegabytes} style={{ width: '5rem' }} /> {t('captureSettingsMegabytes')}
      </label>
      <p>
        <button type="submit">{t('captureSettingsSave')}</button> {saved ? <span role="status">{t('captureSettingsSaved')}</span> : null}
      </p>
    </form>
  );
};
