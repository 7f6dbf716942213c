import type { Page } from 'playwright-core';
import { STORIES_MODEL, type Doppel } from './harness';

/**
 * The one model the screenshots (and the tours built on them) run on. Switch it here, e.g. to the
 * real SmolLM2-135M-Instruct from `npm run models`, and every picture follows.
 */
export const DEMO_MODEL = { path: process.env.DOPPEL_DEMO_MODEL ?? STORIES_MODEL, name: process.env.DOPPEL_DEMO_MODEL_NAME ?? 'stories260K' };

/** How long the demo's engine work may take: seconds on stories260K, many minutes on a real CPU model. */
export const DEMO_WAITS = DEMO_MODEL.path === STORIES_MODEL ? { rebuildMs: 240_000, jobMs: 90_000, setupMs: 400_000 } : { rebuildMs: 3_000_000, jobMs: 900_000, setupMs: 5_000_000 };

/** Installs the demo model as a user would offline: Options → Model → Add a model from a file. */
export const addDemoModel = async (doppel: Doppel): Promise<Page> => {
  const options = await doppel.page('options/index.html#model');
  await options.getByTestId('add-model-file').setInputFiles(DEMO_MODEL.path);
  await options.locator('[data-testid=engine-summary][data-engine=wllama]').getByText(DEMO_MODEL.name).waitFor({ timeout: 60_000 });
  return options;
};
