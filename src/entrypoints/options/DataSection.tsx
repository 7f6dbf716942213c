import { CaptureConsent } from '../../ui/CaptureConsent';
import { useState } from 'preact/hooks';
import { rpc } from '../../messaging/client';
import { useLoaded } from '../../ui/use-rpc';
import { CaptureSettingsForm } from './data/CaptureSettingsForm';
import { ExportImport } from './data/ExportImport';
import { RecordBrowser } from './data/RecordBrowser';

const MB = 1024 * 1024;

/** Asks for the optional "history" permission only when the user chooses to seed from it. */
const SeedFromHistory = ({ onChange }: { onChange: () => void }) => {
  const [message, setMessage] = useState<string | null>(null);
  const seed = async () => {
    try {
      const granted = await chrome.permissions.request({ permissions: ['history'] });
      if (!granted) return setMessage('Doppel did not get permission, so it read nothing from your history.');
      const { added } = await rpc('capture.seedHistory', {});
      setMessage(`Added ${added} pages from your browser history (titles and visit counts only).`);
      onChange();
    } catch (failure) {
      setMessage((failure as Error).message);
    }
  };
  return (
    <div class="card">
      <p>Start from what you already read: Doppel can copy the addresses, titles and visit counts of your browser history (never incognito, never excluded sites). Chrome will ask for your permission.</p>
      <button type="button" class="secondary" onClick={seed}>
        Seed from my browser history
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
        Something you wrote (an essay, an email, a post) that Doppel should learn your style from
        <textarea rows={4} style={{ width: '100%' }} value={text} onInput={(e) => setText(e.currentTarget.value)} data-testid="handed-text" />
      </label>
      <button type="button" onClick={add} disabled={!text.trim()} data-testid="handed-add">
        Add as my writing
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
      <h2 id="data-heading">Data</h2>
      <p class="muted" data-testid="storage-use">
        {u
          ? `${u.pages} pages, ${u.writings} writings, ${u.reactions} reactions — about ${(u.bytes / MB).toFixed(2)} MB of text${u.usage ? `; Doppel uses ${(u.usage / MB).toFixed(1)} MB on this device in all` : ''}.`
          : 'Measuring storage…'}
      </p>
      <ExportImport onChange={changed} />
      <RecordBrowser key={version} onChange={() => usage.reload()} />
      <h2>What Doppel captures</h2>
      <CaptureConsent />
      <CaptureSettingsForm onChange={changed} />
      <SeedFromHistory onChange={changed} />
      <HandWriting onChange={changed} />
    </section>
  );
};
