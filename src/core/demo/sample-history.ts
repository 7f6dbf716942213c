import { contentHash } from '../capture/hash';
import type { DoppelExport } from '../export/schema';
import type { PageRecord, ReactionRecord, WritingRecord } from '../model/records';
import { SAMPLE_PAGES, type SamplePage } from './sample-pages';
import { SAMPLE_WRITINGS } from './sample-writings';

const DAY = 86_400_000;
const SPAN_DAYS = 60;

/** A small seeded generator, so the demo is the same every time it is loaded. */
const lcg = (seed: number) => () => {
  seed = (Math.imul(seed, 1_664_525) + 1_013_904_223) >>> 0;
  return seed / 2 ** 32;
};

const DWELL: Record<SamplePage['treatment'], [number, number]> = { close: [180_000, 480_000], skim: [40_000, 90_000], leave: [4_000, 12_000] };
const SCROLL: Record<SamplePage['treatment'], number> = { close: 0.95, skim: 0.5, leave: 0.1 };

/**
 * The demo history of the fictional Robin Vale, every record marked `demo` so it can be removed
 * without touching the user's own data. Times are spread over the 60 days before `now`.
 */
export const sampleHistory = (now: number): DoppelExport => {
  const random = lcg(42);
  const start = now - SPAN_DAYS * DAY;
  // Mostly evenings and lunchtimes: Robin's rhythm.
  const at = (day: number) => start + day * DAY + (random() < 0.6 ? 19 : 12) * 3_600_000 + Math.floor(random() * 3_600_000);

  const pages: PageRecord[] = [];
  const reactions: ReactionRecord[] = [];
  const reaction = (page: PageRecord, kind: ReactionRecord['kind'], time: number, value?: number) =>
    reactions.push({ id: `demo-reaction-${reactions.length + 1}`, url: page.url, site: page.site, pageId: page.id, kind, at: time, ...(value === undefined ? {} : { value }), demo: true });

  SAMPLE_PAGES.forEach((sample, index) => {
    const visits = sample.treatment === 'close' ? 3 + Math.floor(random() * 3) : sample.treatment === 'skim' ? 2 : 1;
    const firstDay = Math.floor((index / SAMPLE_PAGES.length) * (SPAN_DAYS - 10));
    const times = Array.from({ length: visits }, (_, v) => at(firstDay + v * 3 + Math.floor(random() * 2)));
    const [minDwell, maxDwell] = DWELL[sample.treatment];
    const dwells = times.map(() => Math.round(minDwell + random() * (maxDwell - minDwell)));
    const page: PageRecord = {
      id: `demo-page-${sample.key}`,
      url: `https://${sample.site}${sample.path}`,
      site: sample.site,
      title: sample.title,
      text: sample.text,
      lang: 'en',
      contentHash: contentHash(sample.text),
      firstVisit: times[0]!,
      lastVisit: times[times.length - 1]!,
      visitCount: visits,
      dwellMs: dwells.reduce((a, b) => a + b, 0),
      maxScroll: SCROLL[sample.treatment],
      demo: true,
    };
    pages.push(page);
    times.forEach((time, v) => {
      reaction(page, sample.treatment === 'leave' ? 'bounce' : sample.treatment === 'close' ? 'long-read' : 'scroll', time, sample.treatment === 'skim' ? SCROLL.skim : dwells[v]);
      if (sample.treatment === 'close' && v === 0 && random() < 0.4) reaction(page, 'bookmark', time + 60_000);
      if (sample.treatment === 'close' && random() < 0.3) reaction(page, 'copy', time + 90_000, 80 + Math.floor(random() * 200));
    });
  });

  const pageByKey = new Map(pages.map((p) => [p.id.replace('demo-page-', ''), p]));
  const writings: WritingRecord[] = SAMPLE_WRITINGS.map((sample, index) => {
    const page = sample.page ? pageByKey.get(sample.page) : undefined;
    const createdAt = page ? page.firstVisit + 600_000 + index * 60_000 : at(Math.floor((index / SAMPLE_WRITINGS.length) * SPAN_DAYS));
    if (page) reaction(page, 'reply', createdAt);
    return {
      id: `demo-writing-${index + 1}`,
      url: page ? page.url : `https://${sample.site}/thread/${index + 1}`,
      site: sample.site,
      text: sample.text,
      ...(sample.replyTo ? { replyTo: sample.replyTo } : page ? { replyTo: page.title } : {}),
      source: 'form',
      createdAt,
      demo: true,
    };
  });

  return { format: 'doppel-export', version: 1, exportedAt: now, pages, writings, reactions: reactions.sort((a, b) => a.at - b.at), personas: [] };
};
