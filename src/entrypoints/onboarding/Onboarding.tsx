import browser from 'webextension-polyfill';
import { rpc } from '../../messaging/client';
import { DemoControls } from '../../ui/DemoControls';
import { EngineSummary } from '../../ui/EngineSummary';
import { useLoaded } from '../../ui/use-rpc';

const params = new URLSearchParams(location.search);

export const Onboarding = () => {
  const engine = useLoaded(() => rpc('engine.status', {}));
  const options = (section: string) => browser.runtime.getURL(`options/index.html#${section}`);
  return (
    <main class="stack" style={{ maxWidth: '720px', margin: '0 auto', padding: '1.5rem 1rem' }}>
      <h1>Welcome to Doppel</h1>
      <p>
        Doppel learns how you read and write, on this device, so it can predict how you would react to a page and draft replies that sound like you.
      </p>

      <section class="card" aria-labelledby="promise">
        <h2 id="promise">Nothing you do leaves this device</h2>
        <p>
          Pages you read, what you write, and the model of you built from them are stored only in this browser. The language model runs here too. The only
          network traffic Doppel ever makes is downloading a model you choose.
        </p>
        <p class="muted">
          How that is kept: the extension may connect only to the model hosts named in its manifest; every automated test runs Doppel in a real browser and fails
          on any request that would leave the machine; and every claim Doppel makes about you links to the records behind it, which you can edit or delete.
        </p>
      </section>

      <section class="card" aria-labelledby="does">
        <h2 id="does">What Doppel does, and does not do</h2>
        <ul>
          <li>It reads the text of pages you visit and what you send in forms and comment boxes — never passwords, payment fields or keystrokes before you send.</li>
          <li>It skips private windows, sign-in, banking, health and webmail pages, and anything you exclude. You can pause it from the toolbar at any time.</li>
          <li>It never posts, sends or submits anything. A draft goes into a field only when you click Insert.</li>
          <li>It has no account, no telemetry and no cloud.</li>
        </ul>
        <p>
          <a href={options('data')}>Review what Doppel captures</a> · <a href={options('history')}>See your history</a>
        </p>
      </section>

      <section class="card" aria-labelledby="engine">
        <h2 id="engine">Your model</h2>
        <EngineSummary status={engine.value} />
        {engine.error ? <p class="error" role="alert">{engine.error}</p> : null}
        <p>
          <a href={options('model')}>Choose or add a model</a>
        </p>
      </section>

      <section class="card" aria-labelledby="demo">
        <h2 id="demo">Try it with a demo</h2>
        <DemoControls autoLoad={params.get('demo') === '1'} />
      </section>

      <section aria-labelledby="grows">
        <h2 id="grows">It grows with you</h2>
        <p>
          On day one Doppel knows almost nothing about you, and it says so. Its picture of you fills in as you browse and write; Options → Fidelity shows, with
          numbers, how well it predicts you.
        </p>
      </section>
    </main>
  );
};
