import { contextBudgetFor, isSmallModel } from '../../../core/prompting/tokens';
import browser from 'webextension-polyfill';
import { siteOf, stripUrl } from '../../../core/capture/url';
import type { Job } from '../../../core/model/job';
import { DoppelError, ok } from '../../../core/result';
import type { CreateJobInput, JobMethods } from '../../../messaging/methods/jobs';
import type { Handlers } from '../../../messaging/protocol';
import { buildJob } from '../create-job';
import type { BackgroundDeps } from '../deps';
import { askTab } from '../tab-commands';

/** An earlier job's inputs, for Regenerate and the shorter / longer / formal / casual changes. */
const priorInput = async (deps: BackgroundDeps, input: CreateJobInput): Promise<{ prior?: Job; input: CreateJobInput }> => {
  if (!input.from) return { input };
  const prior = await deps.jobs.get(input.from);
  if (!prior?.source) throw new DoppelError('not_found', 'That draft no longer exists. Start a new one from the page.');
  return { prior, input: { ...input, kind: prior.kind, text: prior.source.text, question: prior.source.question, history: prior.source.history, survey: prior.source.survey } };
};

export const createJobFor = async (deps: BackgroundDeps, request: CreateJobInput): Promise<string> => {
  const { prior, input } = await priorInput(deps, request);
  const tabId = prior?.target?.tabId ?? input.tabId;
  const tab = tabId === undefined ? undefined : await browser.tabs.get(tabId).catch(() => undefined);
  const url = prior?.url ?? (tab?.url ? stripUrl(tab.url) : null) ?? undefined;
  const asked = input.fromTab && tab?.id !== undefined ? await askTab(tab.id) : null;
  const text = input.text?.trim() || asked?.selection || undefined;
  const [page, persona, modelBytes] = await Promise.all([url ? deps.pages.byUrl(url) : undefined, deps.persona(), deps.modelBytes().catch(() => undefined)]);
  // What the task is about, as buildJob will read it: evidence comes from the whole history.
  const about = input.kind === 'interview' ? (input.question ?? '') : input.kind === 'survey' ? (input.survey?.question ?? '') : text || page?.text || '';
  const { writings, pages, reactions } = await deps.evidence(about, url ? siteOf(url) : undefined);
  const frameId = input.frameId ?? asked?.frameId;
  const job = buildJob({
    kind: input.kind,
    page,
    ...(url ? { url } : {}),
    site: url ? siteOf(url) : 'this page',
    source: {
      ...(text ? { text } : {}),
      ...(input.question ? { question: input.question } : {}),
      ...(input.history ? { history: input.history } : {}),
      ...(input.survey ? { survey: input.survey } : {}),
      ...(request.adjust ? { adjust: request.adjust } : {}),
      ...(request.adjust && prior ? { previous: prior.result?.kind === 'draft' ? prior.result.text : prior.output } : {}),
    },
    persona,
    writings,
    pages,
    reactions,
    budget: contextBudgetFor(modelBytes),
    small: isSmallModel(modelBytes),
    ...(prior?.target ? { target: prior.target } : tab?.id !== undefined && input.kind === 'draft' ? { target: { tabId: tab.id, ...(frameId !== undefined ? { frameId } : {}) } } : {}),
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
