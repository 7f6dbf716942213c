import type { PageSummary } from '../../core/model/records';

/** What a content script hands over after extracting a page. */
export interface PageCapture {
  url: string;
  title: string;
  text: string;
  lang?: string;
}

export interface CaptureMethods {
  'capture.page': (input: PageCapture) => { stored: boolean; id?: string };
  'pages.list': (input: { limit?: number }) => PageSummary[];
  'pages.forTab': (input: { tabId: number }) => { url: string | null; captured: PageSummary | null };
}
