import * as v from 'valibot';
import type { TabCaptureState } from '../../core/capture/tab-capture-state';
import type { ExclusionReason } from '../../core/capture/policy';
import { EXPORT_KINDS, type ExportKind } from '../../core/export/validate';
import type { RecordRow } from '../../core/model/record-row';
import type { PageSummary, ReactionKind } from '../../core/model/records';
import { count, empty, id, nonNegativeInt, url, type MethodSchemas } from '../schemas';

/**
 * What a content script hands over for a page: its markup (parsed and extracted in the engine
 * host, off the page's thread), or, for a document too big to send as markup, its raw text.
 */
export interface PageCapture {
  url: string;
  title: string;
  html?: string;
  text?: string;
  lang?: string;
  /** Names this visit, so the same capture sent again (after the service worker died mid-request) counts once. */
  visitId?: string;
}

/** Sent when the page is hidden or left: time actively read since the last report, and scroll depth. */
export interface VisitReport {
  dwellDeltaMs: number;
  /** Total active time of this visit so far. */
  visitDwellMs: number;
  maxScroll: number;
  /** True when the visit ended (pagehide or an in-page navigation). */
  final: boolean;
}

/** Text the user sent from a form, comment box or editor, with what it replies to when the page makes that clear. */
export interface WritingCapture {
  text: string;
  replyTo?: string;
  source: 'form' | 'contenteditable';
  /** Which site adapter saw it ("generic" for the fallback). */
  adapter: string;
  /** Names this send (a UUID), so the same writing sent again (after the service worker died mid-request) is stored once. */
  sendId?: string;
}

/** Reactions a content script can see; reads, bounces, bookmarks and replies are recorded by the background. */
export type PageReactionKind = Extract<ReactionKind, 'copy' | 'like' | 'upvote' | 'share'>;

export interface CaptureCheck {
  /** Whether anything at all may be captured here. */
  allowed: boolean;
  /** False where only the user's own sent writing may be kept (webmail with the opt-in). */
  pages?: boolean;
  reason?: ExclusionReason;
}

export type DataStoreName = 'pages' | 'writings' | 'reactions';

export interface CaptureMethods {
  'capture.page': (input: PageCapture) => { stored: boolean; id?: string };
  'capture.check': (input: Record<string, never>) => CaptureCheck;
  'capture.visit': (input: VisitReport) => { stored: boolean };
  'capture.writing': (input: WritingCapture) => { stored: boolean; id?: string };
  'capture.reaction': (input: { kind: PageReactionKind; value?: number }) => { stored: boolean };
  /** Main-thread time the content script spent on this page, kept for `npm run bench`. */
  'capture.timing': (input: { ms: number }) => { stored: boolean };
  /** Doppel's own pages: text the user explicitly hands to Doppel as theirs. */
  'capture.handed': (input: { text: string }) => { id: string };
  'capture.pause': (input: { minutes: number }) => { pausedUntil: number };
  'capture.seedHistory': (input: { maxResults?: number }) => { added: number };
  'pages.list': (input: { limit?: number }) => PageSummary[];
  'pages.forTab': (input: { tabId: number }) => { url: string | null; captured: PageSummary | null; capture: TabCaptureState };
  /** Rows `offset`… of every page, last visited first, with the total: what the History list shows. */
  'pages.window': (input: { offset: number; limit: number }) => { total: number; pages: PageSummary[] };
  /** Every record of a store as a short row (title and detail cut), newest first: what Options lists and searches. */
  'data.list': (input: { store: DataStoreName }) => RecordRow[];
  'data.delete': (input: { store: DataStoreName; ids: string[] }) => { deleted: number };
  /** Exports page through each kind in key order; the Options page writes the file piece by piece. */
  'data.exportChunk': (input: { kind: ExportKind; after?: string; limit?: number }) => { records: unknown[]; next?: string };
  'data.exportSettings': (input: Record<string, never>) => Record<string, unknown>;
  /** How many records of this file (name, size, mtime) an interrupted import already stored. */
  'data.importStatus': (input: { key: string }) => { done: number };
  /** Records `from`… of the file, in file order; stored with the checkpoint in one transaction. */
  'data.importBatch': (input: { key: string; from: number; items: { kind: ExportKind; value: unknown; index: number }[] }) => { done: number };
  'data.importFinish': (input: { key: string; settings?: Record<string, unknown> }) => { pages: number; writings: number; reactions: number; bytes: number };
  'data.deleteAll': (input: Record<string, never>) => { deleted: true };
  'data.usage': (input: Record<string, never>) => { pages: number; writings: number; reactions: number; bytes: number; quota?: number; usage?: number };
}

const dataStore = v.picklist(['pages', 'writings', 'reactions']);
const exportKind = v.picklist(EXPORT_KINDS);
/** Names the file being imported (name, size, mtime), so an interrupted import resumes only on the same file. */
const importKey = v.pipe(v.string(), v.maxLength(2000));

export const captureSchemas: MethodSchemas<CaptureMethods> = {
  'capture.page': v.object({ url, title: v.string(), html: v.optional(v.string()), text: v.optional(v.string()), lang: v.optional(v.string()), visitId: v.optional(v.pipe(v.string(), v.maxLength(100))) }),
  'capture.check': empty,
  'capture.visit': v.object({ dwellDeltaMs: count, visitDwellMs: count, maxScroll: count, final: v.boolean() }),
  'capture.writing': v.object({ text: v.string(), replyTo: v.optional(v.string()), source: v.picklist(['form', 'contenteditable']), adapter: v.pipe(v.string(), v.maxLength(100)), sendId: v.optional(v.pipe(v.string(), v.uuid())) }),
  'capture.reaction': v.object({ kind: v.picklist(['copy', 'like', 'upvote', 'share']), value: v.optional(count) }),
  'capture.timing': v.object({ ms: count }),
  'capture.handed': v.object({ text: v.string() }),
  'capture.pause': v.object({ minutes: count }),
  'capture.seedHistory': v.object({ maxResults: v.optional(nonNegativeInt) }),
  'pages.list': v.object({ limit: v.optional(nonNegativeInt) }),
  'pages.forTab': v.object({ tabId: v.pipe(v.number(), v.safeInteger()) }),
  'pages.window': v.object({ offset: nonNegativeInt, limit: nonNegativeInt }),
  'data.list': v.object({ store: dataStore }),
  'data.delete': v.object({ store: dataStore, ids: v.array(id) }),
  'data.exportChunk': v.object({ kind: exportKind, after: v.optional(v.string()), limit: v.optional(nonNegativeInt) }),
  'data.exportSettings': empty,
  'data.importStatus': v.object({ key: importKey }),
  'data.importBatch': v.object({ key: importKey, from: nonNegativeInt, items: v.array(v.object({ kind: exportKind, value: v.unknown(), index: nonNegativeInt })) }),
  'data.importFinish': v.object({ key: importKey, settings: v.optional(v.record(v.string(), v.unknown())) }),
  'data.deleteAll': empty,
  'data.usage': empty,
};
