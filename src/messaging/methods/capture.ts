import * as v from 'valibot';
import type { TabCaptureState } from '../../core/capture/tab-capture-state';
import type { ExclusionReason } from '../../core/capture/policy';
import type { DoppelExport } from '../../core/export/schema';
import type { PageRecord, PageSummary, ReactionKind, ReactionRecord, WritingRecord } from '../../core/model/records';
import { count, empty, id, nonNegativeInt, url, type MethodSchemas } from '../schemas';

/** What a content script hands over after extracting a page. */
export interface PageCapture {
  url: string;
  title: string;
  text: string;
  lang?: string;
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
  'data.list': (input: { store: DataStoreName }) => (PageRecord | WritingRecord | ReactionRecord)[];
  'data.delete': (input: { store: DataStoreName; ids: string[] }) => { deleted: number };
  'data.export': (input: Record<string, never>) => DoppelExport;
  'data.import': (input: { json: string }) => { pages: number; writings: number; reactions: number; bytes: number };
  'data.deleteAll': (input: Record<string, never>) => { deleted: true };
  'data.usage': (input: Record<string, never>) => { pages: number; writings: number; reactions: number; bytes: number; quota?: number; usage?: number };
}

const dataStore = v.picklist(['pages', 'writings', 'reactions']);

export const captureSchemas: MethodSchemas<CaptureMethods> = {
  'capture.page': v.object({ url, title: v.string(), text: v.string(), lang: v.optional(v.string()) }),
  'capture.check': empty,
  'capture.visit': v.object({ dwellDeltaMs: count, visitDwellMs: count, maxScroll: count, final: v.boolean() }),
  'capture.writing': v.object({ text: v.string(), replyTo: v.optional(v.string()), source: v.picklist(['form', 'contenteditable']), adapter: v.pipe(v.string(), v.maxLength(100)) }),
  'capture.reaction': v.object({ kind: v.picklist(['copy', 'like', 'upvote', 'share']), value: v.optional(count) }),
  'capture.timing': v.object({ ms: count }),
  'capture.handed': v.object({ text: v.string() }),
  'capture.pause': v.object({ minutes: count }),
  'capture.seedHistory': v.object({ maxResults: v.optional(nonNegativeInt) }),
  'pages.list': v.object({ limit: v.optional(nonNegativeInt) }),
  'pages.forTab': v.object({ tabId: v.pipe(v.number(), v.safeInteger()) }),
  'data.list': v.object({ store: dataStore }),
  'data.delete': v.object({ store: dataStore, ids: v.array(id) }),
  'data.export': empty,
  'data.import': v.object({ json: v.string() }),
  'data.deleteAll': empty,
  'data.usage': empty,
};
