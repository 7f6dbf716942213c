import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession } from 'playwright-core';
import { afterAll, describe, test } from 'vitest';
import { syntheticHistory, topicWords } from '../src/core/synthetic/history';
import { launchDoppel, type Doppel } from '../tests/e2e/harness';
import { allRecords, setSettings } from '../tests/e2e/helpers';
import { writeExportFile } from '../tests/e2e/synthetic-export';
import { historyTiming, searchLatency } from './options-timing';
import { openPopups, popupRow } from './popup-tti';
import { quantile } from './stats';

/**
 * A lifetime of history in real Chromium with the built extension, at 10k and 50k records (the
 * seeded synthetic history: pages 2–30 KB, writings 50–2,000 chars). Prints numbers; asserts
 * nothing about time. Rows: streamed import and export (time, peak heap), ingest through the real
 * capture path vs a raw IndexedDB bulk put on top of that history, what a task can draw evidence
 * from, Options at that size (Data list, search as you type, storage summary; History), popup time
 * to interactive (bench/popup.bench.ts measures it on a fresh launch too).
 */
const SIZES = (process.env.DOPPEL_BENCH_SIZES ?? '10000,50000').split(',').map(Number);
const dir = mkdtempSync(join(tmpdir(), 'doppel-bench-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const f = (n: number, d = 1) => Number(n.toFixed(d));
const MiB = 2 ** 20;

/** Samples a page's JS heap every 250 ms while `work` runs; returns the peak in MiB. */
const peakHeap = async <T>(cdp: CDPSession, work: () => Promise<T>): Promise<{ value: T; peakMiB: number; baseMiB: number }> => {
  await cdp.send('Performance.enable');
  const heap = async () => ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / MiB;
  const baseMiB = await heap();
  let peakMiB = baseMiB;
  let running = true;
  const sampler = (async () => {
    while (running) {
      peakMiB = Math.max(peakMiB, await heap().catch(() => 0));
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  try {
    return { value: await work(), peakMiB, baseMiB };
  } finally {
    running = false;
    await sampler;
  }
};

const dispatchCaptures = (doppel: Doppel, pages: { text?: string; html?: string }[], tag: string) =>
  doppel.inWorker(
    async ({ pages, origin, tag }) => {
      const dispatch = (chrome.runtime.onMessage as unknown as { dispatch(m: unknown, s: unknown, r: () => void): { results: unknown[] } }).dispatch;
      const start = performance.now();
      await Promise.all(
        pages.map((p, i) => {
          const sender = { id: chrome.runtime.id, url: `${origin}/${tag}/${i}`, tab: { id: 200_000 + i, incognito: false }, frameId: 0 };
          return Promise.all(dispatch.call(chrome.runtime.onMessage, { method: 'capture.page', params: { url: sender.url, title: `Ingest ${i}`, ...p }, to: 'background' }, sender, () => {}).results);
        }),
      );
      return performance.now() - start;
    },
    { pages, origin: doppel.server.origin, tag },
  );

const rawBulkPut = (doppel: Doppel, records: unknown[]) =>
  doppel.inWorker(
    (records) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open(`doppel-bench-raw-${Math.random()}`, 1);
        open.onupgradeneeded = () => open.result.createObjectStore('pages', { keyPath: 'id' });
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const start = performance.now();
          const tx = open.result.transaction('pages', 'readwrite');
          for (const r of records) tx.objectStore('pages').put(r);
          tx.oncomplete = () => resolve(performance.now() - start);
          tx.onerror = () => reject(tx.error);
        };
      }),
    records,
  );

describe.each(SIZES)('history of %i records', (size) => {
  // A 50k history imports, exports and lists for many minutes on two cores: the ceiling is the size's, not a target.
  test('import, export, ingest, retrieval window, Options, popup', { timeout: 3_600_000 }, async () => {
    const seed = 100 + size;
    const history = syntheticHistory(size, { seed });
    const file = join(dir, `export-${size}.json`);
    const bytes = writeExportFile(file, history);
    const doppel = await launchDoppel();
    // Where a long run is, on stderr as it goes (the tables print at the end).
    const step = (what: string) => process.stderr.write(`[history ${size}] ${new Date().toISOString().slice(11, 19)} ${what}\n`);
    try {
      const rows: Record<string, Record<string, string | number>> = {};
      // A 400 MB history is past the default 200 MB storage cap: as a user bringing one would, raise
      // it first, or the retention sweep rightly deletes the oldest records while the bench reads them.
      await setSettings(doppel, { 'retention.megabytes': 100_000, 'retention.days': 100_000 });
      const options = await doppel.page('options/index.html#data');
      const cdp = await doppel.context.newCDPSession(options);

      step('import');
      // Streamed import through Options → Data.
      const imported = await peakHeap(cdp, async () => {
        const start = Date.now();
        await options.getByTestId('import-data').setInputFiles(file);
        await options.getByTestId('data-status').filter({ hasText: 'Imported' }).waitFor({ timeout: 3_000_000 });
        return (Date.now() - start) / 1000;
      });
      rows['import (Options → Data, streamed)'] = { records: size, MiB: f(bytes / MiB, 0), seconds: f(imported.value), 'records/s': Math.round(size / imported.value), 'options heap base→peak MiB': `${f(imported.baseMiB)} → ${f(imported.peakMiB)}` };

      step('export');
      // Streamed export of the same records.
      const exported = await peakHeap(cdp, async () => {
        const start = Date.now();
        const [download] = await Promise.all([options.waitForEvent('download', { timeout: 3_000_000 }), options.getByTestId('export-data').click()]);
        await download.path();
        return (Date.now() - start) / 1000;
      });
      rows['export (Options → Data, streamed)'] = { records: size, seconds: f(exported.value), 'records/s': Math.round(size / exported.value), 'options heap base→peak MiB': `${f(exported.baseMiB)} → ${f(exported.peakMiB)}` };

      step('Options → Data');
      // Options at this size: the record list, search as you type, the storage summary.
      await options.reload();
      const listStart = Date.now();
      await options.getByTestId('data-count').filter({ hasText: /^[1-9]/ }).waitFor({ timeout: 120_000 });
      const listSeconds = (Date.now() - listStart) / 1000;
      const word = topicWords(seed, 3)[0]!;
      const typed: number[] = [];
      for (let k = 0; k < 3; k++) for (const q of [word.slice(0, 2), word.slice(0, 3), word, `${word} ${topicWords(seed, 3)[1]!.slice(0, 3)}`, '']) typed.push(await searchLatency(options, q));
      const usageMs = await options.evaluate(async () => {
        const start = performance.now();
        await chrome.runtime.sendMessage({ method: 'data.usage', params: {}, to: 'background' });
        return performance.now() - start;
      });
      const rendered = await options.evaluate(() => document.querySelectorAll('[data-testid=data-table] [role=listitem]').length);
      rows['Options → Data at this size'] = { 'pages listed': history.pages.length, 'list shown (s)': f(listSeconds), 'rows in the DOM': rendered, 'search as you type p50 (ms)': f(quantile(typed, 0.5)), 'p95 (ms)': f(quantile(typed, 0.95)), 'storage summary (ms)': f(usageMs) };

      step('evidence');
      // What a task draws evidence from: the whole index, not a newest-N window.
      // The log's rows in key order: vectors written, then records removed.
      const live = new Set<string>();
      for (const row of await allRecords<{ docs: { id: string }[]; removed: string[] }>(doppel, 'searchLog')) {
        for (const id of row.removed) live.delete(id);
        for (const doc of row.docs) live.add(doc.id);
      }
      const indexed = live.size;
      rows['records a task can draw evidence from'] = { records: size, 'in the full-text index': indexed, 'old newest-N window': 400 + 300 + 200 };
      const text = `${topicWords(seed, 0).slice(0, 8).join(' ')}`;
      const jobMs: number[] = [];
      for (let k = 0; k < 6; k++) {
        jobMs.push(
          await options.evaluate(async (text) => {
            const start = performance.now();
            await chrome.runtime.sendMessage({ method: 'jobs.create', params: { kind: 'react', text }, to: 'background' });
            return performance.now() - start;
          }, text),
        );
      }
      rows['reaction job created (evidence from the whole history)'] = { 'first (cold index load) ms': f(jobMs[0]!), 'p50 warm ms': f(quantile(jobMs.slice(1), 0.5)) };

      step('ingest');
      // Ingest on top of this history: the real capture path vs a raw bulk put of the same records.
      const N = 1000;
      const texts = history.pages.slice(0, N).map((p, i) => ({ text: `${p.text.slice(0, 8000)} unique ${i} ${size}` }));
      const htmls = history.pages.slice(N, 2 * N).map((p, i) => ({ html: `<html><head><title>t${i}</title></head><body><nav>${'<a href="/x">menu</a>'.repeat(20)}</nav><article><h1>Ingest ${i}</h1>${p.text.slice(0, 8000).split('\n').map((l) => `<p>${l}</p>`).join('')} unique ${i}</article></body></html>` }));
      const textMs = await dispatchCaptures(doppel, texts, 'ingest-text');
      const htmlMs = await dispatchCaptures(doppel, htmls, 'ingest-html');
      const stored = (await allRecords<{ url: string }>(doppel, 'pages')).filter((p) => p.url.includes('/ingest-text/'));
      const rawMs = await rawBulkPut(doppel, stored);
      rows['ingest: capture.page text path (router, gate, scrub, hash, index, batched upsert)'] = { records: stored.length, 'records/s': Math.round((stored.length / textMs) * 1000), 'vs raw': f(rawMs / textMs, 2), goal: '≥ 0.7×' };
      rows['ingest: capture.page markup path (+ off-page DOMParser + Readability)'] = { records: N, 'records/s': Math.round((N / htmlMs) * 1000), 'vs raw': f(rawMs / htmlMs, 2), goal: '≥ 0.7×' };
      rows['raw IndexedDB bulk put of the same stored page records (no indexes, no search vectors), one transaction'] = { records: stored.length, 'records/s': Math.round((stored.length / rawMs) * 1000) };

      step('Options → History');
      // Options → History at this size: every page, virtualised, rows fetched as they scroll into view.
      rows['Options → History at this size (virtualised)'] = await historyTiming(doppel, history.pages.length);

      step('popup');
      // Popup time to interactive on this history, from navigation start to the mark set when the tab's state is shown.
      rows['popup time to interactive (ms since navigation start, headless)'] = popupRow(await openPopups(doppel, 12));
      console.log(`\n=== history of ${size} records ===`);
      console.table(rows);
    } finally {
      await doppel.close();
    }
  });
});
