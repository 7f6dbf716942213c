import type { Doppel } from '../tests/e2e/harness';
import { quantile } from './stats';

export interface PopupOpen {
  /** ms since navigation start when the popup's module graph had loaded and its code began to run. */
  scriptStart: number;
  /** ms since navigation start when it first showed the tab's state with its actions usable. */
  interactive: number;
  /** ms since navigation start when the service worker's answer about the tab was shown (NaN before that mark existed). */
  live: number;
}


/**
 * Opens the popup `opens` times in a row, each time in a new page as the toolbar does, and reads its
 * performance marks: time to interactive from navigation start, headless.
 */
export const openPopups = async (doppel: Doppel, opens: number, tabId?: number): Promise<PopupOpen[]> => {
  const times: PopupOpen[] = [];
  for (let k = 0; k < opens; k++) {
    const popup = await doppel.page(`popup/index.html${tabId ? `?tabId=${tabId}` : ''}`);
    await popup.waitForFunction(() => performance.getEntriesByName('doppel:popup-interactive').length > 0, undefined, { timeout: 30_000 });
    // The live answer follows the cached state shown first; the first build with the mark always sets it.
    await popup.waitForFunction(() => performance.getEntriesByName('doppel:popup-live').length > 0, undefined, { timeout: 2_000 }).catch(() => {});
    times.push(
      await popup.evaluate(() => ({
        scriptStart: performance.getEntriesByName('doppel:popup-start')[0]?.startTime ?? Number.NaN,
        interactive: performance.getEntriesByName('doppel:popup-interactive')[0]!.startTime,
        live: performance.getEntriesByName('doppel:popup-live')[0]?.startTime ?? Number.NaN,
      })),
    );
    await popup.close();
  }
  return times;
};

/** The bench row: p50/p95/max over every open, the first (cold) one included and also shown alone. */
export const popupRow = (times: PopupOpen[]) => {
  const tti = times.map((t) => t.interactive);
  const f = (n: number) => Number(n.toFixed(1));
  return {
    opens: times.length,
    'first open ms': f(tti[0]!),
    p50: f(quantile(tti, 0.5)),
    p95: f(quantile(tti, 0.95)),
    max: f(Math.max(...tti)),
    'script start p50': f(quantile(times.map((t) => t.scriptStart), 0.5)),
    'live answer shown p50': f(quantile(times.map((t) => t.live), 0.5)),
    goal: '≤ 150 ms',
  };
};
