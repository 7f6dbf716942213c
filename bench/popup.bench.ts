import { test } from 'vitest';
import { launchDoppel } from '../tests/e2e/harness';
import { openPopups, popupRow } from './popup-tti';

/**
 * Popup time to interactive on a fresh launch (the history bench measures it again on 10k and 50k
 * records): the first open after launch and the next ones, with a captured page in the tab. Prints
 * numbers; asserts nothing about time.
 */
test('popup time to interactive, headless, first open after launch included', async () => {
  const doppel = await launchDoppel();
  try {
    const tab = await doppel.context.newPage();
    await tab.goto(`${doppel.server.origin}/article-one.html`);
    const tabId = await doppel.inWorker(async (url) => (await chrome.tabs.query({ url }))[0]?.id, tab.url());
    const times = await openPopups(doppel, 12, tabId);
    console.log('\n=== popup time to interactive (ms since navigation start, headless) ===');
    console.table({ popup: popupRow(times) });
    console.log('every open:', times.map((t) => Math.round(t.interactive)).join(', '));
    console.log('live answer:', times.map((t) => Math.round(t.live)).join(', '));
  } finally {
    await doppel.close();
  }
});
