import browser from 'webextension-polyfill';
import { siteOf, stripUrl } from '../../../core/capture/url';
import { ok } from '../../../core/result';
import type { CreateJobInput, JobMethods } from '../../../messaging/methods/jobs';
import type { Handlers } from '../../../messaging/protocol';
import { buildJob } from '../create-job';
import type { BackgroundDeps } from '../deps';

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

export const createJobHandlers = (deps: BackgroundDeps): Handlers<JobMethods> => ({
  // A DoppelError thrown here reaches the caller as a typed result through the router.
  'jobs.create': async (input) => ok({ jobId: await createJobFor(deps, input) }),
  'jobs.get': async ({ jobId }) => ok((await deps.jobs.get(jobId)) ?? null),
});
