import { loadSettings } from '../../adapters/browser/settings-store';
import { rpc } from '../../messaging/client';
import { Badge } from '../../ui/Badge';
import { t } from '../../ui/i18n';
import { useLoaded } from '../../ui/use-rpc';

/** Always in view on Options: which model answers, and whether Doppel is reading pages right now. */
export const AppHeader = () => {
  const engine = useLoaded(() => rpc('engine.status', {}));
  const settings = useLoaded(() => loadSettings());
  const s = settings.value;
  const paused = (s?.pausedUntil ?? 0) > Date.now();
  const model = engine.value?.model;
  return (
    <header class="app-header">
      <div>
        <h1 style={{ margin: 0 }}>{t('appName')}</h1>
        <p class="muted small" style={{ margin: 0 }}>
          {t('tagline')}
        </p>
      </div>
      <span class="spacer" />
      <div class="row" data-testid="app-status">
        <a href="#model" class="badge-link">
          <Badge tone={model ? (engine.value?.state === 'error' ? 'error' : 'success') : 'warning'} dot testid="header-engine">
            {model ? t('headerEngineReady', model.name) : t('headerEngineNone')}
          </Badge>
        </a>
        {s ? (
          <a href="#data" class="badge-link">
            <Badge tone={!s.captureConsent ? 'neutral' : paused ? 'warning' : 'success'} dot testid="header-capture">
              {!s.captureConsent ? t('headerCaptureOff') : paused ? t('headerCapturePaused') : t('headerCaptureOn')}
            </Badge>
          </a>
        ) : null}
      </div>
    </header>
  );
};
