import browser from 'webextension-polyfill';
import { useEffect, useState } from 'preact/hooks';
import { openDoppelDb } from '../../adapters/db/open-db';
import { createModelStore } from '../../adapters/db/model-store';
import { installPackagedStarter, STARTER_MODEL } from '../../adapters/engine/starter-model';
import { rpc } from '../../messaging/client';
import { CaptureConsent } from '../../ui/CaptureConsent';
import { loadSettings, saveSettings } from '../../adapters/browser/settings-store';
import { DemoControls } from '../../ui/DemoControls';
import { EngineSummary } from '../../ui/EngineSummary';
import { useLoaded } from '../../ui/use-rpc';
import { t } from '../../ui/i18n';

const params = new URLSearchParams(location.search);
const demo = params.get('demo') === '1';

/** `npm start -- --demo` packages the starter model into its build: install it from there, offline. */
const useStarterModel = (enabled: boolean, onReady: () => void) => {
  const [state, setState] = useState<'idle' | 'installing' | 'installed' | 'failed'>('idle');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!enabled) return;
    setState('installing');
    void (async () => {
      try {
        const modelId = await installPackagedStarter(createModelStore(() => openDoppelDb()));
        if (!modelId) return setState('idle');
        await rpc('engine.modelAdded', { modelId });
        setState('installed');
        onReady();
      } catch (failure) {
        setError((failure as Error).message);
        setState('failed');
      }
    })();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [enabled]);
  return { state, error };
};

export const Onboarding = () => {
  const engine = useLoaded(() => rpc('engine.status', {}));
  const starter = useStarterModel(demo, engine.reload);
  const options = (section: string) => browser.runtime.getURL(`options/index.html#${section}`);
  return (
    <main class="stack" style={{ maxWidth: '720px', margin: '0 auto', padding: '1.5rem 1rem' }}>
      <h1>{t('welcomeTitle')}</h1>
      <p>{t('welcomeIntro')}</p>

      <section class="card" aria-labelledby="promise">
        <h2 id="promise">{t('promiseHeading')}</h2>
        <p>{t('promiseBody')}</p>
        <p class="muted">{t('promiseHow')}</p>
      </section>

      <section class="card" aria-labelledby="does">
        <h2 id="does">{t('doesHeading')}</h2>
        <ul>
          <li>{t('doesReads')}</li>
          <li>{t('doesSkips')}</li>
          <li>{t('doesNeverSends')}</li>
          <li>{t('doesNoCloud')}</li>
        </ul>
        <p>
          <a href={options('data')}>{t('reviewCapture')}</a> · <a href={options('history')}>{t('seeHistory')}</a>
        </p>
      </section>

      <section class="card" aria-labelledby="consent">
        <h2 id="consent">{t('consentHeading')}</h2>
        <CaptureConsent editHref={options('data')} store={{ load: loadSettings, save: saveSettings }} />
      </section>

      <section class="card" aria-labelledby="engine">
        <h2 id="engine">{t('engineHeading')}</h2>
        <EngineSummary status={engine.value} />
        {engine.error ? <p class="error" role="alert">{engine.error}</p> : null}
        {starter.state === 'installing' || starter.state === 'installed' ? (
          <p role="status" data-testid="starter-model" data-state={starter.state}>
            {starter.state === 'installing' ? t('starterInstalling', STARTER_MODEL.name) : t('starterInstalled', STARTER_MODEL.name)}
          </p>
        ) : null}
        {starter.error ? <p class="error" role="alert">{starter.error}</p> : null}
        <p>
          <a href={options('model')}>{t('chooseModel')}</a>
        </p>
      </section>

      <section class="card" aria-labelledby="demo">
        <h2 id="demo">{t('demoHeading')}</h2>
        <DemoControls autoLoad={demo} />
      </section>

      <section aria-labelledby="grows">
        <h2 id="grows">{t('growsHeading')}</h2>
        <p>{t('growsBody')}</p>
      </section>
    </main>
  );
};
