import { useEffect, useState } from 'preact/hooks';
import type { DemoCounts } from '../core/model/demo-counts';
import { rpc } from '../messaging/client';
import { useLoaded } from './use-rpc';
import { t } from './i18n';

const total = (c: DemoCounts | null) => (c ? c.pages + c.writings + c.reactions : 0);

/** Load or remove the fictional demo history; the user's own records are never touched. */
export const DemoControls = ({ autoLoad = false }: { autoLoad?: boolean }) => {
  const counts = useLoaded(() => rpc('demo.status', {}));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const act = async (method: 'demo.load' | 'demo.remove') => {
    setBusy(true);
    setError(null);
    try {
      await rpc(method, {});
      counts.reload();
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  };
  useEffect(() => {
    if (autoLoad && counts.value && total(counts.value) === 0) void act('demo.load');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [autoLoad, counts.value]);
  const loaded = total(counts.value) > 0;
  return (
    <div data-testid="demo-controls" data-loaded={String(loaded)}>
      {loaded ? (
        <p role="status">{t('demoLoaded', counts.value!.pages, counts.value!.writings, counts.value!.reactions)}</p>
      ) : (
        <p>{t('demoOffer')}</p>
      )}
      <button type="button" onClick={() => act(loaded ? 'demo.remove' : 'demo.load')} disabled={busy || !counts.value} class={loaded ? 'secondary' : ''}>
        {loaded ? t('demoRemove') : t('demoLoad')}
      </button>
      {error ? <p class="error" role="alert">{error}</p> : null}
    </div>
  );
};
