import browser from 'webextension-polyfill';
import { contentHash } from '../../../core/capture/hash';
import { siteOf, stripUrl } from '../../../core/capture/url';
import { summarizePage } from '../../../core/model/records';
import { fail, ok } from '../../../core/result';
import type { CaptureMethods } from '../../../messaging/methods/capture';
import type { Handlers } from '../../../messaging/protocol';
import type { BackgroundDeps } from '../deps';

/** Text beyond this is cut before storage: enough for any article, bounded for hostile pages. */
export const MAX_PAGE_CHARS = 50_000;

export const createCaptureHandlers = (deps: BackgroundDeps): Handlers<CaptureMethods> => ({
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
});
