import { useState } from 'preact/hooks';
import { loadSettings, saveSettings } from '../../../adapters/browser/settings-store';
import type { CaptureSettings } from '../../../core/capture/settings';
import { useLoaded } from '../../../ui/use-rpc';

const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

/** Allow/deny patterns, the webmail opt-in and retention limits: stored as settings items on this device. */
export const CaptureSettingsForm = ({ onChange }: { onChange: () => void }) => {
  const loaded = useLoaded(() => loadSettings());
  const [saved, setSaved] = useState(false);
  if (!loaded.value) return <p class="muted">Loading settings…</p>;
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
        Doppel never captures incognito windows, banking, health, password-manager, sign-in and account pages, local and intranet addresses, or webmail inboxes.
        One pattern per line: a site (<code>example.com</code>) or an address with <code>*</code> (<code>example.com/blog/*</code>).
      </p>
      <label>
        Always capture (overrides the default exclusions)
        <textarea name="allow" rows={3} style={{ width: '100%' }} value={s.allowPatterns.join('\n')} />
      </label>
      <label>
        Never capture
        <textarea name="deny" rows={3} style={{ width: '100%' }} value={s.denyPatterns.join('\n')} data-testid="deny-patterns" />
      </label>
      <label style={{ display: 'block' }}>
        <input type="checkbox" name="webmail" checked={s.webmailSentReplies} /> Keep my own sent replies from webmail (never the mail I answer)
      </label>
      <label>
        Delete records older than <input type="number" name="days" min={0} value={s.retentionDays} style={{ width: '5rem' }} /> days (0 keeps them)
      </label>{' '}
      <label>
        and keep at most <input type="number" name="megabytes" min={0} value={s.retentionMegabytes} style={{ width: '5rem' }} /> MB (0 means no limit)
      </label>
      <p>
        <button type="submit">Save</button> {saved ? <span role="status">Saved.</span> : null}
      </p>
    </form>
  );
};
