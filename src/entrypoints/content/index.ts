import { adapterFor } from '../../adapters/capture/sites';
import { stripUrl } from '../../core/capture/url';
import { trackAuthorship } from './authorship';
import { capturePage, whenIdle } from './page';
import { callUntilAnswered, timed } from './send';
import { trackVisit } from './visit';
import { watchReactions, watchWriting } from './writing';
import { serveTasks } from './tasks';

/** Waits after an in-page navigation for the new view to render before reading it. */
const SPA_SETTLE_MS = 800;

const start = async () => {
  // The background decides (incognito, pause, deny lists); nothing is read or listened to before it says yes.
  // A worker that dies while answering must not leave this page uncaptured: asking again is harmless.
  const check = await callUntilAnswered('capture.check', {}).catch(() => null);
  if (!check?.ok || !check.value.allowed) return;
  const controller = new AbortController();
  const adapter = timed(() => adapterFor(location.hostname));
  const authorship = trackAuthorship(controller.signal);
  if (check.value.pages === false) return timed(() => watchWriting(adapter, controller.signal, authorship));
  const visit = timed(() => trackVisit(controller.signal));
  timed(() => {
    watchWriting(adapter, controller.signal, authorship);
    watchReactions(adapter, controller.signal);
  });
  whenIdle(capturePage);
  // Drafts are inserted only where Doppel may read: the same yes as capture.
  serveTasks(authorship, controller.signal);

  // Single-page apps change the URL without a new document: each view is its own page and visit.
  const navigation = (window as { navigation?: EventTarget }).navigation;
  // A page is its stored address (no query, no fragment): an #anchor jump or a query-only change
  // is the same page and the same visit.
  let lastPage = stripUrl(location.href);
  const onNavigated = () => {
    const now = stripUrl(location.href);
    if (now === lastPage) return;
    lastPage = now;
    setTimeout(() => whenIdle(capturePage), SPA_SETTLE_MS);
  };
  const onNavigate = (event: Event) => {
    const destination = (event as Event & { destination?: { sameDocument?: boolean; url?: string } }).destination;
    if (!destination?.sameDocument || stripUrl(destination.url ?? '') === stripUrl(location.href)) return;
    visit.restart();
    // pushState fires "navigate" but no "navigatesuccess"; the URL has changed once this event is done.
    setTimeout(onNavigated, 0);
  };
  navigation?.addEventListener('navigate', onNavigate, { signal: controller.signal });
  navigation?.addEventListener('navigatesuccess', onNavigated, { signal: controller.signal });
  addEventListener('popstate', onNavigated, { signal: controller.signal });
  // Some views change the URL without any event this world sees (history.pushState from the page):
  // a cheap once-a-second comparison catches them.
  const poll = setInterval(onNavigated, 1000);
  controller.signal.addEventListener('abort', () => clearInterval(poll));
};

if (window.top === window) void start();
