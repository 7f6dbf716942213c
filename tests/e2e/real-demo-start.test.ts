import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
// The set-up `npm start -- --demo` runs before opening the browser (scripts/start.mjs).
import { packageStarter, startPage, starter, unpackageStarter } from '../../scripts/start-setup.mjs';
import { RUN_SMOLLM2, smollm2Label } from '../real-model';
import { DIST, expectNoLeaks, launchDoppel, type Doppel } from './harness';
import { allRecords, clickContextMenu } from './helpers';
import { englishShare, longestCopiedRun, waitJobDone } from './real-helpers';
import { jobById, jobIdIn } from './task-helpers';

let doppel: Doppel | undefined;
beforeAll(() => {
  if (RUN_SMOLLM2) expect(packageStarter(DIST)).toBe(join(DIST, starter.packaged));
});
afterAll(async () => {
  await doppel?.close();
  // The packaged copy belongs to that one run: other tests see the build as the store would ship it.
  unpackageStarter(DIST);
});

test.runIf(RUN_SMOLLM2)(`npm start -- --demo: the demo history and ${starter.name} install with no download, and the demo's first draft comes from it (${smollm2Label})`, async () => {
  doppel = await launchDoppel({ consent: false });
  const url = startPage(doppel.extensionId, true);
  expect(url).toMatch(/onboarding\/index\.html\?demo=1$/);
  const onboarding = await doppel.context.newPage();
  await onboarding.goto(url);
  await onboarding.locator('[data-testid=demo-controls][data-loaded=true]').waitFor({ timeout: 60_000 });
  await onboarding.locator('[data-testid=starter-model][data-state=installed]').waitFor({ timeout: 120_000 });
  await onboarding.locator('[data-testid=engine-summary][data-engine=wllama]').getByText(starter.name).waitFor({ timeout: 60_000 });
  const models = await allRecords<{ name: string; size: number }>(doppel, 'models');
  expect(models.map((m) => [m.name, m.size])).toEqual([[starter.name, 98_362_432]]);

  // The first draft of the demo: on the demo's own page, in the demo person's history.
  const page = await doppel.context.newPage();
  await page.goto(doppel.server.url('reply-form.html'));
  const panelOpened = doppel.context.waitForEvent('page', { predicate: (p) => p.url().includes('/panel/index.html') });
  await clickContextMenu(doppel, 'doppel-draft-reply', page.url(), 'Bike lanes are empty, nobody uses them.');
  const panel = await panelOpened;
  await waitJobDone(doppel, panel);
  const job = await jobById(doppel, await jobIdIn(panel));
  expect((job as { model?: string }).model).toBe(starter.name);
  expect(job.evidence!.some((e) => e.id.startsWith('demo-writing-'))).toBe(true);
  const draft = await panel.getByTestId('draft-text').inputValue();
  console.log(`Demo's first draft on ${starter.name}: ${draft}`);
  expect(englishShare(draft)).toBeGreaterThan(0.15);
  // A reply, not talk about the task (measured: "The user would respond…") or an assistant's refusal ("I'm not capable…").
  expect(draft).not.toMatch(/\bthe user\b|as an ai|i['’]m (?:here to assist|not capable)/i);
  expect(longestCopiedRun(draft, 'Bike lanes are empty, nobody uses them.')).toBeLessThan(6);

  // Options → Model still recommends a real model for the device and calls the starter small.
  const options = await doppel.page('options/index.html#model');
  await options.getByTestId('recommendation').waitFor();
  expect(await options.getByTestId('recommendation').getAttribute('data-model')).not.toContain('SmolLM2-135M');
  expect(await options.getByTestId('starter-note').textContent()).toContain(`${starter.name} (about 95 MB, installed by the demo) is a small starter`);
  expectNoLeaks(doppel, ['Bike lanes are empty']);
}, 900_000);

test('a build without the packaged starter model installs nothing on its own', () => {
  unpackageStarter(DIST);
  expect(existsSync(join(DIST, starter.packaged))).toBe(false);
});
