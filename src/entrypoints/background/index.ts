import browser from 'webextension-polyfill';
import { openDoppelDb } from '../../adapters/db/open-db';
import { createDemoStore } from '../../adapters/db/demo-store';
import { createJobStore } from '../../adapters/db/job-store';
import { createPageStore } from '../../adapters/db/page-store';
import { createReportStore } from '../../adapters/db/report-store';
import { createWritingStore } from '../../adapters/db/writing-store';
import { createDataStore } from '../../adapters/db/data-store';
import { createIngest } from '../../adapters/db/ingest';
import { startCaptureListeners } from './capture-listeners';
import { createReactionStore } from '../../adapters/db/reaction-store';
import { latestPersona } from '../../adapters/db/persona-read';
import { offscreenLink } from '../../adapters/browser/offscreen-link';
import { identifySender } from '../../adapters/browser/sender';
import { toAppError } from '../../core/result';
import { createRouter } from '../../messaging/router';
import type { BackgroundMethods } from '../../messaging/protocol';
import { DRAFT_COMMAND, menuRequest, openErrorPanel, openPanel, registerContextMenus } from './context-menus';
import type { BackgroundDeps } from './deps';
import { createHandlers } from './handlers';
import { createJobFor } from './handlers/jobs';

// Every listener is registered synchronously at the top level: Chrome wakes an evicted service
// worker for an event only if a listener for it exists by the end of the first turn.
const db = () => openDoppelDb();
const deps: BackgroundDeps = {
  pages: createPageStore(db),
  writings: createWritingStore(db),
  jobs: createJobStore(db),
  demo: createDemoStore(db),
  host: offscreenLink,
  ingest: createIngest(db),
  data: createDataStore(db),
  reports: createReportStore(db),
  reactions: createReactionStore(db),
  persona: () => latestPersona(db),
};
const ready = db();

browser.runtime.onMessage.addListener(createRouter<BackgroundMethods>('background', createHandlers(deps), identifySender, ready));

browser.runtime.onInstalled.addListener(({ reason }) => {
  void registerContextMenus();
  if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('onboarding/index.html') });
});

browser.contextMenus.onClicked.addListener((info, tab) => {
  const request = menuRequest(info, tab);
  if (!request) return;
  void ready
    .then(() => createJobFor(deps, request))
    .then(openPanel)
    .catch((error: unknown) => openErrorPanel(toAppError(error).message));
});

startCaptureListeners(deps);

// The keyboard shortcut (manifest `commands`): a draft for the selection or field in the active tab.
browser.commands.onCommand.addListener((command, tab) => {
  if (command !== DRAFT_COMMAND || tab?.id === undefined) return;
  void ready
    .then(() => createJobFor(deps, { kind: 'draft', tabId: tab.id, fromTab: true }))
    .then(openPanel)
    .catch((error: unknown) => openErrorPanel(toAppError(error).message));
});
