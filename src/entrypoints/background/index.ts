import browser from 'webextension-polyfill';
import { openDoppelDb } from '../../adapters/db/open-db';
import { createJobStore } from '../../adapters/db/job-store';
import { createPageStore } from '../../adapters/db/page-store';
import { createPersonaStore } from '../../adapters/db/persona-store';
import { createWritingStore } from '../../adapters/db/writing-store';
import { offscreenLink } from '../../adapters/browser/offscreen-link';
import { identifySender } from '../../adapters/browser/sender';
import { toAppError } from '../../core/result';
import { createRouter } from '../../messaging/router';
import type { BackgroundMethods } from '../../messaging/protocol';
import { menuRequest, openErrorPanel, openPanel, registerContextMenus } from './context-menus';
import type { BackgroundDeps } from './deps';
import { createHandlers } from './handlers';
import { createJobFor } from './handlers/jobs';
import { resumePersonaRebuild } from './handlers/persona';

// Every listener is registered synchronously at the top level: Chrome wakes an evicted service
// worker for an event only if a listener for it exists by the end of the first turn.
const db = () => openDoppelDb();
const deps: BackgroundDeps = {
  pages: createPageStore(db),
  writings: createWritingStore(db),
  jobs: createJobStore(db),
  personas: createPersonaStore(db),
  host: offscreenLink,
};
const ready = db();

browser.runtime.onMessage.addListener(createRouter<BackgroundMethods>('background', createHandlers(deps), identifySender, ready));

// A rebuild the service worker (or the engine host) died in the middle of continues from its checkpoint.
void ready.then(() => resumePersonaRebuild(deps)).catch(() => {});

browser.runtime.onInstalled.addListener(() => {
  void registerContextMenus();
});

browser.contextMenus.onClicked.addListener((info, tab) => {
  const request = menuRequest(info, tab);
  if (!request) return;
  void ready
    .then(() => createJobFor(deps, request))
    .then(openPanel)
    .catch((error: unknown) => openErrorPanel(toAppError(error).message));
});
