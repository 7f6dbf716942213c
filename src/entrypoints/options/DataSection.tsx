import { CaptureConsent } from '../../ui/CaptureConsent';
import { loadSettings, saveSettings } from '../../adapters/browser/settings-store';
import { useState } from 'preact/hooks';
import { rpc } from '../../messaging/client';
import { useLoaded } from '../../ui/use-rpc';
import { CaptureSettingsForm } from './data/CaptureSettingsForm';
import { ExportImport } from './data/ExportImport';
import { RecordBrowser } from './data/RecordBrowser';
import { t } from '../../ui/i18n';

const MB = 1024 * 1024;

/** Asks for the optional "history" permission only when the user chooses to seed from it. */
const SeedFromHistory = ({ onChange }: { onChange: () => void }) => {
  const [message, setMessage] = useState<string | null>(null);
  const seed = async () => {
    try {
      const granted = await chrome.permissions.request({ permissions: ['history'] });
      if (!granted) return setMessage(t('dataSeedDenied'));
      const { added } = await rpc('capture.seedHistory', {});
      setMessage(t('dataSeedAdded', added));
      onChange();
    } catch (failure) {
      setMessage((failure as Error).message);
    }
  };
  return (
    <div class="card">
      <p>{t('dataSeedIntro')}</p>
      <button type="button" class="secondary" onClick={seed}>
        {t('dataSeedButton')}
      </button>
      {message ? <p role="status">{message}</p> : null}
    </div>
  );
};

const HandWriting = ({ onChange }: { onChange: () => void }) => {
  const [text, setText] = useState('');
  const add = async () => {
    await rpc('capture.handed', { text });
    setText('');
    onChange();
  };
  return (
    <div class="card">
      <label>
        {t('dataHandedLabel')}
        <textarea rows={4} style={{ width: '100%' }} value={text} onInput={(e) => setText(e.currentTarget.value)} data-testid="handed-text" />
      </label>
      <button type="button" onClick={add} disabled={!text.trim()} data-testid="handed-add">
        {t('dataHandedAdd')}
      </button>
    </div>
  );
};

export const DataSection = () => {
  const usage = useLoaded(() => rpc('data.usage', {}));
  const [version, setVersion] = useState(0);
  const changed = () => {
    usage.reload();
    setVersion((v) => v + 1);
  };
  const u = usage.value;
  return (
    <section aria-labelledby="data-heading">
      <h2 id="data-heading">{t('dataHeading')}</h2>
      <p class="muted" data-testid="storage-use">
        {u
          ? u.usage
            ? t('dataUsageWithDevice', u.pages, u.writings, u.reactions, (u.bytes / MB).toFixed(2), (u.usage / MB).toFixed(1))
            : t('dataUsage', u.pages, u.writings, u.reactions, (u.bytes / MB).toFixed(2))
          : t('dataMeasuring')}
      </p>
      <ExportImport onChange={changed} />
      <RecordBrowser key={version} onChange={() => usage.reload()} />
      <h2>{t('dataCapturesHeading')}</h2>
      <CaptureConsent store={{ load: loadSettings, save: saveSettings }} />
      <CaptureSettingsForm onChange={changed} />
      <SeedFromHistory onChange={changed} />
      <HandWriting onChange={changed} />
    </section>
  );
};
