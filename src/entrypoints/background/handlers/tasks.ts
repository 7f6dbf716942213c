import { scrubPii } from '../../../core/capture/scrub';
import { siteOf, stripUrl } from '../../../core/capture/url';
import { fail, ok } from '../../../core/result';
import type { TaskMethods } from '../../../messaging/methods/tasks';
import type { Handlers } from '../../../messaging/protocol';
import { admit, isAdmitted } from '../capture-gate';
import type { BackgroundDeps } from '../deps';
import { insertInTab } from '../tab-commands';

const RECENT = 5;
const FEEDBACK_CHARS = 10_000;
const DRAFT_CHARS = 20_000;

export const createTaskHandlers = (deps: BackgroundDeps): Handlers<TaskMethods> => ({
  'jobs.recent': async ({ url, kind, limit }) =>
    ok(await deps.jobs.recent(Math.min(limit ?? RECENT, 50), (job) => job.status === 'done' && (!url || job.url === stripUrl(url)) && (!kind || job.kind === kind))),

  'tasks.insert': async ({ jobId, text }) => {
    const job = await deps.jobs.get(jobId);
    if (!job || job.kind !== 'draft' || !job.target) return fail('not_found', 'Doppel does not know which field to put this draft in. Click into the field and start the draft from there.');
    const inserted = await insertInTab(job.target.tabId, job.target.frameId, jobId, text.slice(0, DRAFT_CHARS));
    if (!inserted) return fail('not_found', 'The field you were writing in is gone (the page changed or closed). Use Copy, or start the draft again from the field.');
    return ok({ inserted });
  },

  // Called by a content script: only for a draft job that was inserted into the sender's own tab,
  // and only where capture may store writing (the same gate, the same PII scrub).
  'tasks.feedback': async ({ jobId, text }, sender) => {
    const job = typeof jobId === 'string' ? await deps.jobs.get(jobId) : undefined;
    if (!job || job.kind !== 'draft' || job.target?.tabId !== sender.tabId || typeof text !== 'string' || !text.trim()) {
      return fail('forbidden', 'No draft was inserted here.');
    }
    const admitted = await admit(sender, 'writing');
    if (!isAdmitted(admitted)) return ok({ stored: false });
    const writing = {
      id: crypto.randomUUID(),
      url: admitted.url,
      site: admitted.site,
      text: scrubPii(text.slice(0, FEEDBACK_CHARS * 2)).slice(0, FEEDBACK_CHARS),
      ...(job.source?.text ? { replyTo: scrubPii(job.source.text.slice(0, 2000)) } : {}),
      source: 'feedback' as const,
      createdAt: Date.now(),
    };
    await deps.ingest.write({ type: 'writing', writing });
    return ok({ stored: true });
  },

  'reactions.record': async ({ jobId, kind }) => {
    const job = await deps.jobs.get(jobId);
    if (!job?.url) return fail('not_found', 'This prediction is not about a page Doppel knows, so there is nothing to record it against.');
    const page = await deps.pages.byUrl(job.url);
    const id = crypto.randomUUID();
    await deps.ingest.write({ type: 'reaction', reaction: { id, url: job.url, site: siteOf(job.url), ...(page ? { pageId: page.id } : {}), kind, at: Date.now() } });
    return ok({ id });
  },
});
