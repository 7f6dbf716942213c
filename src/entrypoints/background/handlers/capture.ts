import { refreshTabBadge, tabCaptureState } from '../tab-badge';
import browser from 'webextension-polyfill';
import { saveSettings } from '../../../adapters/browser/settings-store';
import { contentHash } from '../../../core/capture/hash';
import { MAX_HTML_CHARS } from '../../../adapters/capture/snapshot';
import { normalizeText } from '../../../core/capture/normalize';
import { cutToBytes, MAX_PAGE_BYTES, MAX_REPLY_TO_CHARS, MAX_TITLE_CHARS, MAX_WRITING_CHARS } from '../../../core/capture/limits';
import { defaultDenyCategory } from '../../../core/capture/deny-list';
import { scrubPii } from '../../../core/capture/scrub';
import { stripUrl } from '../../../core/capture/url';
import { clampVisit, reactionsOfVisit } from '../../../core/capture/visit';
import { summarizePage, type ReactionKind } from '../../../core/model/records';
import { ok } from '../../../core/result';
import type { CaptureMethods } from '../../../messaging/methods/capture';
import type { Handlers } from '../../../messaging/protocol';
import { admit, isAdmitted } from '../capture-gate';
import type { BackgroundDeps } from '../deps';
import { createDataHandlers } from './capture-data';

export { MAX_PAGE_BYTES };

const PAGE_REACTIONS: ReadonlySet<string> = new Set(['copy', 'like', 'upvote', 'share']);
const TIMINGS_KEY = 'capture.timings';
const MAX_TIMINGS = 2000;
const NOT_STORED = ok({ stored: false });

/** Scrubbed, then cut: a cut never leaves half of a card number behind for the scrubber to miss. */
const clean = (text: string, maxChars: number) => scrubPii(text.slice(0, maxChars * 2)).slice(0, maxChars);

export const recordReaction = (deps: BackgroundDeps, page: { url: string; site: string; pageId?: string }, kind: ReactionKind, value?: number) =>
  deps.ingest.write({
    type: 'reaction',
    reaction: { id: crypto.randomUUID(), url: page.url, site: page.site, ...(page.pageId ? { pageId: page.pageId } : {}), kind, ...(value !== undefined ? { value } : {}), at: Date.now() },
  });

export const createCaptureHandlers = (deps: BackgroundDeps): Handlers<CaptureMethods> => ({
  'capture.check': async (_input, sender) => {
    // Every page asks this first, so it is the moment to show the tab's capture state on the
    // toolbar, even for a tab that loaded before the service worker's tab listeners existed.
    if (sender.tabId !== undefined && sender.frameId === 0) void refreshTabBadge({ id: sender.tabId, url: sender.url ?? '', incognito: sender.incognito ?? false });
    const page = await admit(sender, 'page');
    if (isAdmitted(page)) return ok({ allowed: true, pages: true });
    // Webmail with the opt-in: the user's own replies only, no page text, no reactions.
    const writing = await admit(sender, 'writing');
    return ok(isAdmitted(writing) ? { allowed: true, pages: false, reason: page } : { allowed: false, reason: page });
  },
  'capture.page': async (input, sender) => {
    const admitted = await admit(sender, 'page', typeof input.url === 'string' ? input.url : undefined);
    if (!isAdmitted(admitted)) return NOT_STORED;
    // Markup is parsed off the page's thread, in the engine host; raw text (a huge document) is only tidied.
    const extracted =
      typeof input.html === 'string'
        ? await deps.extract(input.html.slice(0, MAX_HTML_CHARS))
        : { title: String(input.title ?? ''), text: normalizeText(String(input.text ?? '').slice(0, MAX_PAGE_BYTES * 2)) };
    if (!extracted?.text.trim()) return NOT_STORED;
    const text = cutToBytes(scrubPii(extracted.text.slice(0, MAX_PAGE_BYTES * 2)), MAX_PAGE_BYTES);
    const lang = typeof input.lang === 'string' ? input.lang.slice(0, 20) : '';
    const { page } = await deps.ingest.write({
      type: 'page',
      page: {
        url: admitted.url,
        site: admitted.site,
        title: clean(String(extracted.title || input.title || ''), MAX_TITLE_CHARS) || admitted.site,
        text,
        ...(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(lang) ? { lang } : {}),
        contentHash: contentHash(text),
        at: Date.now(),
        ...(typeof input.visitId === 'string' ? { visitId: input.visitId } : {}),
      },
    });
    return ok({ stored: true, ...(page ? { id: page.id } : {}) });
  },
  'capture.visit': async (input, sender) => {
    const admitted = await admit(sender, 'reaction');
    if (!isAdmitted(admitted)) return NOT_STORED;
    const { dwellMs, maxScroll } = clampVisit({ dwellMs: Number(input.dwellDeltaMs), maxScroll: Number(input.maxScroll) });
    const { page } = await deps.ingest.write({ type: 'visit', url: admitted.url, dwellDeltaMs: dwellMs, maxScroll });
    if (!page) return NOT_STORED;
    if (input.final) {
      const measures = reactionsOfVisit({ dwellMs: Number(input.visitDwellMs), maxScroll });
      await Promise.all(measures.map((r) => recordReaction(deps, { ...admitted, pageId: page.id }, r.kind, r.value)));
    }
    return ok({ stored: true });
  },
  'capture.writing': async (input, sender) => {
    const admitted = await admit(sender, 'writing');
    if (!isAdmitted(admitted)) return NOT_STORED;
    const text = clean(String(input.text).trim(), MAX_WRITING_CHARS);
    if (!text) return NOT_STORED;
    // Webmail is excluded unless the user opted in to their own sent replies, and then only those.
    const webmail = defaultDenyCategory(sender.url ?? '') === 'webmail';
    const replyTo = !webmail && typeof input.replyTo === 'string' ? clean(input.replyTo.trim(), MAX_REPLY_TO_CHARS) : '';
    // A send the content script repeated because the worker died before answering: stored already,
    // it is not stored again (nor its "reply" reaction), and an existing writing is never overwritten.
    const id = input.sendId ?? crypto.randomUUID();
    if (input.sendId && (await deps.writings.has(id))) return ok({ stored: true, id });
    const page = await deps.pages.byUrl(admitted.url);
    // Written together, so the writing and its "reply" reaction commit in the same transaction.
    await Promise.all([
      deps.ingest.write({
        type: 'writing',
        writing: { id, url: admitted.url, site: admitted.site, text, ...(replyTo ? { replyTo } : {}), source: input.source === 'contenteditable' ? 'contenteditable' : 'form', createdAt: Date.now() },
      }),
      recordReaction(deps, { ...admitted, ...(page ? { pageId: page.id } : {}) }, 'reply', text.length),
    ]);
    return ok({ stored: true, id });
  },
  'capture.reaction': async (input, sender) => {
    if (!PAGE_REACTIONS.has(input.kind)) return NOT_STORED;
    const admitted = await admit(sender, 'reaction');
    if (!isAdmitted(admitted)) return NOT_STORED;
    const page = await deps.pages.byUrl(admitted.url);
    const value = Number.isFinite(input.value) ? Math.max(0, Math.min(Number(input.value), 1e9)) : undefined;
    await recordReaction(deps, { ...admitted, ...(page ? { pageId: page.id } : {}) }, input.kind, value);
    return ok({ stored: true });
  },
  'capture.timing': async ({ ms }, sender) => {
    if (!Number.isFinite(ms) || sender.tabId === undefined) return NOT_STORED;
    const stored = ((await browser.storage.session.get(TIMINGS_KEY))[TIMINGS_KEY] as number[] | undefined) ?? [];
    await browser.storage.session.set({ [TIMINGS_KEY]: [...stored, ms].slice(-MAX_TIMINGS) });
    return ok({ stored: true });
  },
  'capture.handed': async ({ text }) => {
    const id = crypto.randomUUID();
    await deps.ingest.write({ type: 'writing', writing: { id, url: 'about:doppel', site: 'doppel', text: clean(String(text).trim(), MAX_WRITING_CHARS), source: 'handed', createdAt: Date.now() } });
    return ok({ id });
  },
  'capture.pause': async ({ minutes }) => {
    const pausedUntil = minutes > 0 ? Date.now() + Math.min(minutes, 7 * 24 * 60) * 60_000 : 0;
    await saveSettings({ pausedUntil });
    return ok({ pausedUntil });
  },
  'pages.list': async ({ limit }) => ok(await deps.pages.recent(Math.min(limit ?? 200, 1000))),
  'pages.window': async ({ offset, limit }) => ok(await deps.pages.window(offset, Math.min(limit, 500))),
  'pages.forTab': async ({ tabId }) => {
    const tab = await browser.tabs.get(tabId);
    const url = tab.url ? stripUrl(tab.url) : null;
    const page = url ? await deps.pages.byUrl(url) : undefined;
    const capture = await tabCaptureState(tab.url ?? '', tab.incognito);
    return ok({ url, captured: page ? summarizePage(page) : null, capture });
  },
  ...createDataHandlers(deps),
});

