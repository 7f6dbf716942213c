import { useEffect } from 'preact/hooks';
import { rpc } from '../../messaging/client';
import { useLoaded } from '../../ui/use-rpc';
import { ClaimItem } from './persona/ClaimItem';
import { InterestsChart } from './persona/InterestsChart';
import { StyleStats } from './persona/StyleStats';
import { TraitsChart } from './persona/TraitsChart';

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
      <h2 id="persona-heading">Persona</h2>
      <p class="muted">What Doppel has learned about you, built on this device from your own records. Every claim links to its evidence; edit, pin or delete any of them.</p>
      {view.error ? <p class="error" role="alert">{view.error}</p> : null}
      <p>
        <button type="button" onClick={rebuildNow} disabled={running} data-testid="rebuild-persona">
          {running ? 'Rebuilding…' : 'Rebuild persona'}
        </button>{' '}
        {rebuild ? (
          <span data-testid="rebuild-status" data-status={rebuild.status}>
            <progress max={rebuild.progress.total} value={rebuild.progress.done} aria-label="Rebuild progress" /> {rebuild.status}
            {rebuild.dropped ? ` · ${rebuild.dropped} artefact(s) failed the quality check` : ''}
          </span>
        ) : null}
      </p>
      {rebuild?.note ? <p class="muted">{rebuild.note} Until then the persona has the measured layer only.</p> : null}
      {rebuild?.error ? <p class="error" role="alert">{rebuild.error}</p> : null}
      {!persona && !running ? <p>No persona yet. Browse and write as usual, then choose "Rebuild persona".</p> : null}
      {persona ? (
        <div data-testid="persona" data-version={persona.version}>
          {persona.summary ? <p class="card">{persona.summary}</p> : null}
          {persona.profile ? <details><summary>Profile</summary><p>{persona.profile}</p></details> : null}
          {persona.bigFive?.length ? (<><h3>Personality (IPIP-50)</h3><TraitsChart traits={persona.bigFive} /></>) : null}
          <h3>Interests over time</h3>
          <InterestsChart interests={persona.interests} />
          <h3>Writing style</h3>
          {persona.styleDescription ? <p>{persona.styleDescription}</p> : null}
          <StyleStats style={persona.style} />
          <h3>Claims ({persona.claims.length})</h3>
          <ul class="plain" data-testid="claims">
            {persona.claims.map((claim) => <ClaimItem key={claim.id} claim={claim} onChange={view.reload} />)}
          </ul>
        </div>
      ) : null}
    </section>
  );
};
