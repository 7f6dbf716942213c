import type { Locator, Page } from 'playwright-core';
import { assertSmolLM2 } from '../real-model';
import type { Doppel } from './harness';
import { allRecords } from './helpers';

/** Installs SmolLM2-135M-Instruct as a user would offline: Options → Model → Add a model from a file. */
export const addSmolLM2 = async (doppel: Doppel): Promise<Page> => {
  const options = await doppel.page('options/index.html#model');
  await options.getByTestId('add-model-file').setInputFiles(assertSmolLM2());
  console.log('SmolLM2 file handed to the page');
  await options.locator('[data-testid=engine-summary][data-engine=wllama]').getByText('SmolLM2-135M-Instruct').waitFor({ timeout: 90_000 });
  return options;
};

const ENGLISH = new Set('the a an and or but i you it is are was to of in on for with that this my your we be have not at so as do if just'.split(' '));

/** Share of words that are common English function words: English prose sits near 0.3–0.5, gibberish near 0. */
export const englishShare = (text: string): number => {
  const words = text.toLowerCase().match(/[a-z']+/g) ?? [];
  return words.length ? words.filter((w) => ENGLISH.has(w)).length / words.length : 0;
};

export const wordsIn = (text: string): number => text.split(/\s+/).filter(Boolean).length;

/** Longest run of words of `text` that appears verbatim in `source`: a copy of the prompt shows as a long run. */
export const longestCopiedRun = (text: string, source: string): number => {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  const haystack = ` ${source.toLowerCase().split(/\s+/).filter(Boolean).join(' ')} `;
  let best = 0;
  for (let i = 0; i < words.length; i++) {
    for (let j = i + best + 1; j <= words.length; j++) {
      if (!haystack.includes(` ${words.slice(i, j).join(' ')} `)) break;
      best = j - i;
    }
  }
  return best;
};

/** Waits for the job shown on `page` to finish, saying every 20 s where it is (real models are slow on CI's cores). */
export const waitJobDone = async (doppel: Doppel, page: Page | Locator, timeout = 840_000): Promise<void> => {
  const started = Date.now();
  const where = async () => {
    const id = await page.locator('[data-job-id]').first().getAttribute('data-job-id', { timeout: 1000 }).catch(() => null);
    const job = (await allRecords<{ id: string; status: string; tokens: number; output: string; error?: unknown }>(doppel, 'jobs')).find((j) => j.id === id);
    return `job ${id} after ${Math.round((Date.now() - started) / 1000)} s: ${JSON.stringify({ status: job?.status, tokens: job?.tokens, output: job?.output?.slice(0, 400), error: job?.error })}`;
  };
  while (Date.now() - started < timeout) {
    try {
      await page.locator('[data-testid=job-phase][data-phase=done]').waitFor({ timeout: 20_000 });
      return;
    } catch {
      console.log(await where());
    }
  }
  throw new Error(`did not finish: ${await where()}`);
};
