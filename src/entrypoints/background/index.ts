import browser from 'webextension-polyfill';
import { openDoppelDb } from '../../adapters/db/open-db';
import { createModelStore } from '../../adapters/db/model-store';
import { createDemoStore } from '../../adapters/db/demo-store';
import { createJobStore } from '../../adapters/db/job-store';
import { createPageStore } from '../../adapters/db/page-store';
import { createReportStore } from '../../adapters/db/report-store';
import { createPersonaStore } from '../../adapters/db/persona-store';
import { createWritingStore } from '../../adapters/db/writing-store';
import { createDataStore } from '../../adapters/db/data-store';
import { createIngest } from '../../adapters/db/ingest';
import { createLivePersona } from '../../adapters/db/persona-live';
import { createSearchIndex } from '../../adapters/db/search-index';
import { evidencePool } from '../../adapters/db/evidence-pool';
import { startCaptureListeners } from './capture-listeners';
import { createInProcessLink } from '../../adapters/browser/in-process-link';
import { createReactionStore } from '../../adapters/db/reaction-store';
import { latestPersona } from '../../adapters/db/persona-read';
import { offscreenLink } from '../../adapters/browser/offscreen-link';
import { identifySender } from '../../adapters/browser/sender';
import { toAppError } from '../../core/result';
import { MAX_PAGE_BYTES } from '../../core/capture/limits';
import { createRouter } from '../../messaging/router';
import { backgroundSchemas } from '../../messaging/background-schemas';
import type { BackgroundMethods } from '../../messaging/protocol';
import { openSidePanel } from '../../adapters/browser/side-panel';
import { DRAFT_COMMAND, menuRequest, openErrorPanel, registerContextMenus, showResult } from './context-menus';
import type { BackgroundDeps } from './deps';
import { createHandlers } from './handlers';
import { createJobFor } from './handlers/jobs';
import { resumePersonaRebuild } from './handlers/persona';

// Every listener is registered synchronously at the top level: Chrome wakes an evicted service
// worker for an event only if a listener for it exists by the end of the first turn.
const db = () => openDoppelDb();
// Chrome hosts the engine in an offscreen document. Firefox has no offscreen API (feature-detected)
// and a background page that can run it; that code is only in the Firefox build.
const engineHostLink = () =>
  import.meta.env.MODE === 'firefox' && !globalThis.chrome?.offscreen
    ? startedNow(createInProcessLink(() => import('../offscreen/start-engine-host').then((m) => m.startEngineHost().handlers)))
    : offscreenLink;
// The background page is the host: start it at once, so surfaces' ports find their listener.
const startedNow = <L extends { ensure(): Promise<void> }>(link: L): L => {
  void link.ensure();
  return link;
};
const search = createSearchIndex(db);
const live = createLivePersona(db);
const deps: BackgroundDeps = {
  pages: createPageStore(db),
  writings: createWritingStore(db),
  jobs: createJobStore(db),
  demo: createDemoStore(db),
  ingest: createIngest(db, undefined, { search, persona: live }),
  data: createDataStore(db, search, live),
  search,
  evidence: (query, site) => evidencePool(db, search, query, site),
  reports: createReportStore(db),
  host: engineHostLink(),
  personas: createPersonaStore(db, live),
  reactions: createReactionStore(db),
  persona: () => latestPersona(db),
  extract: async (html) => {
    const result = await deps.host.call('host.extract', { html, maxChars: MAX_PAGE_BYTES }).catch(() => null);
    return result?.ok ? result.value : undefined;
  },
  modelBytes: async () => (await createModelStore(db).selected())?.size,
};
const ready = db();

browser.runtime.onMessage.addListener(createRouter<BackgroundMethods>('background', createHandlers(deps), backgroundSchemas, identifySender, ready));

// A rebuild the service worker (or the engine host) died in the middle of continues from its checkpoint.
void ready.then(() => resumePersonaRebuild(deps)).catch(() => {});

browser.runtime.onInstalled.addListener(({ reason }) => {
  void registerContextMenus();
  if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('onboarding/index.html') });
});

browser.contextMenus.onClicked.addListener((info, tab) => {
  const request = menuRequest(info, tab);
  if (!request) return;
  // Synchronously, while the click still counts as a user gesture.
  const panel = openSidePanel(tab);
  void ready
    .then(() => createJobFor(deps, request))
    .then((jobId) => showResult(jobId, tab?.windowId, panel))
    .catch((error: unknown) => openErrorPanel(toAppError(error).message));
});

startCaptureListeners(deps);

// The keyboard shortcut (manifest `commands`): a draft for the selection or field in the active tab.
browser.commands.onCommand.addListener((command, tab) => {
  if (command !== DRAFT_COMMAND || tab?.id === undefined) return;
  const panel = openSidePanel(tab);
  void ready
    .then(() => createJobFor(deps, { kind: 'draft', tabId: tab.id, fromTab: true }))
    .then((jobId) => showResult(jobId, tab.windowId, panel))
    .catch((error: unknown) => openErrorPanel(toAppError(error).message));
});
