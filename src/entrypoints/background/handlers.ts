import browser from 'webextension-polyfill';
import { contentHash } from '../../core/capture/hash';
import { siteOf, stripUrl } from '../../core/capture/url';
import { summarizePage } from '../../core/model/records';
import { fail, ok } from '../../core/result';
import type { JobStore } from '../../adapters/db/job-store';
import type { PageStore } from '../../adapters/db/page-store';
import type { WritingStore } from '../../adapters/db/writing-store';
import type { EngineHostLink } from '../../adapters/browser/offscreen-link';
import type { BackgroundMethods, CreateJobInput, Handlers } from '../../messaging/protocol';
import { buildJob } from './create-job';

export interface BackgroundDeps {
  pages: PageStore;
  writings: WritingStore;
  jobs: JobStore;
  host: EngineHostLink;
}

/** Text beyond this is cut before storage: enough for any article, bounded for hostile pages. */
export const MAX_PAGE_CHARS = 50_000;

export const createJobFor = async (deps: BackgroundDeps, input: CreateJobInput): Promise<string> => {
  const tab = input.tabId === undefined ? undefined : await browser.tabs.get(input.tabId);
  const url = tab?.url ? stripUrl(tab.url) : null;
  const page = url ? await deps.pages.byUrl(url) : undefined;
  const [recent, writings] = await Promise.all([deps.pages.recent(10), deps.writings.recent(5)]);
  const job = buildJob({
    kind: input.kind,
    page,
    ...(url ? { url } : {}),
    site: url ? siteOf(url) : 'this page',
    text: input.text,
    recentTitles: recent.filter((p) => p.url !== url).map((p) => p.title),
    pastWritings: writings.map((w) => w.text),
  });
  await deps.jobs.put(job);
  await deps.host.ensure();
  return job.id;
};

export const createHandlers = (deps: BackgroundDeps): Handlers<BackgroundMethods> => ({
  'capture.page': async (input, sender) => {
    // The browser's word for where the sender is, not the page's.
    const url = stripUrl(sender.url ?? '');
    if (!url || sender.tabId === undefined) return fail('excluded', 'Only web pages are captured.');
    const text = input.text.slice(0, MAX_PAGE_CHARS);
    const record = await deps.pages.upsert({
      url,
      site: siteOf(url),
      title: input.title.slice(0, 500) || siteOf(url),
      text,
      ...(input.lang ? { lang: input.lang.slice(0, 20) } : {}),
      contentHash: contentHash(text),
      at: Date.now(),
    });
    return ok({ stored: true, id: record.id });
  },
  'pages.list': async ({ limit }) => ok(await deps.pages.recent(Math.min(limit ?? 200, 1000))),
  'pages.forTab': async ({ tabId }) => {
    const tab = await browser.tabs.get(tabId);
    const url = tab.url ? stripUrl(tab.url) : null;
    const page = url ? await deps.pages.byUrl(url) : undefined;
    return ok({ url, captured: page ? summarizePage(page) : null });
  },
  'engine.status': async () => deps.host.call('host.status', {}),
  'engine.modelAdded': async ({ modelId }) => deps.host.call('host.loadModel', { modelId }),
  // A DoppelError thrown here reaches the caller as a typed result through the router.
  'jobs.create': async (input) => ok({ jobId: await createJobFor(deps, input) }),
  'jobs.get': async ({ jobId }) => ok((await deps.jobs.get(jobId)) ?? null),
});
