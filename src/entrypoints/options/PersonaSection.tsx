import { useEffect } from 'preact/hooks';
import { rpc } from '../../messaging/client';
import { useLoaded } from '../../ui/use-rpc';
import { ClaimItem } from './persona/ClaimItem';
import { InterestsChart } from './persona/InterestsChart';
import { StyleStats } from './persona/StyleStats';
import { TraitsChart } from './persona/TraitsChart';
import { t } from '../../ui/i18n';

/** Options → Persona: what Doppel believes about the user, every claim with its evidence and controls. */
export const PersonaSection = () => {
  const view = useLoaded(() => rpc('persona.get', {}));
  const running = view.value?.rebuild?.status === 'running';
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(view.reload, 1000);
    return () => clearInterval(timer);
  }, [running, view.reload]);
  const persona = view.value?.persona;
  const rebuild = view.value?.rebuild;
  const rebuildNow = () => rpc('persona.rebuild', {}).then(view.reload, view.reload);
  return (
    <section aria-labelledby="persona-heading">
      <h2 id="persona-heading">{t('personaHeading')}</h2>
      <p class="muted">{t('personaIntro')}</p>
      {view.error ? <p class="error" role="alert">{view.error}</p> : null}
      <p>
        <button type="button" onClick={rebuildNow} disabled={running} data-testid="rebuild-persona">
          {running ? t('personaRebuilding') : t('personaRebuild')}
        </button>{' '}
        {rebuild ? (
          <span data-testid="rebuild-status" data-status={rebuild.status}>
            <progress max={rebuild.progress.total} value={rebuild.progress.done} aria-label={t('personaRebuildProgress')} /> {rebuild.status}
            {rebuild.dropped ? ` · ${t('personaDropped', rebuild.dropped)}` : ''}
          </span>
        ) : null}
      </p>
      {rebuild?.note ? <p class="muted">{rebuild.note} {t('personaMeasuredOnly')}</p> : null}
      {rebuild?.error ? <p class="error" role="alert">{rebuild.error}</p> : null}
      {!persona && !running ? <p>{t('personaNone')}</p> : null}
      {persona ? (
        <div data-testid="persona" data-version={persona.version}>
          <p class="muted" data-testid="persona-live">{t('personaLive')}</p>
          {persona.summary ? <p class="card">{persona.summary}</p> : null}
          {persona.profile ? <details><summary>{t('personaProfile')}</summary><p>{persona.profile}</p></details> : null}
          {persona.bigFive?.length ? (<><h3>{t('personaPersonality')}</h3><TraitsChart traits={persona.bigFive} /></>) : null}
          <h3>{t('personaInterests')}</h3>
          <InterestsChart interests={persona.interests} />
          <h3>{t('personaWritingStyle')}</h3>
          {persona.styleDescription ? <p>{persona.styleDescription}</p> : null}
          <StyleStats style={persona.style} />
          <h3>{t('personaClaims', persona.claims.length)}</h3>
          <ul class="plain" data-testid="claims">
            {persona.claims.map((claim) => <ClaimItem key={claim.id} claim={claim} onChange={view.reload} />)}
          </ul>
        </div>
      ) : null}
    </section>
  );
};
