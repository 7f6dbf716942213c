import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { expectNoLeaks, HAS_MODEL, launchDoppel, MODEL_SKIP_REASON, STORIES_MODEL, type Doppel } from './harness';
import { callHost } from './helpers';
import { CPU_THREADS_DEFAULT } from '../../src/core/engine/cpu-threads';

let doppel: Doppel | undefined;
let profile: string | undefined;
afterEach(async () => {
  await doppel?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

const model = readFileSync(STORIES_MODEL);
type Status = { engine: string | null; model: { id: string; name: string } | null; threads?: number };

test.skipIf(!HAS_MODEL)(`the model the user chose is still the one in use after the browser restarts (${HAS_MODEL ? 'stories260K, two copies' : MODEL_SKIP_REASON})`, async () => {
  profile = mkdtempSync(join(tmpdir(), 'doppel-restart-'));
  doppel = await launchDoppel({ profile });
  const options = await doppel.page('options/index.html#model');
  // Two installed models; the one added last is what a fresh start would pick without a stored choice.
  for (const name of ['stories-first', 'stories-second']) {
    await options.getByTestId('add-model-file').setInputFiles({ name: `${name}.gguf`, mimeType: 'application/octet-stream', buffer: model });
    await options.locator('[data-testid=engine-summary][data-engine=wllama]').getByText(name).waitFor({ timeout: 30_000 });
  }
  const first = options.getByTestId('model-list').locator('li', { hasText: 'stories-first' });
  await first.getByTestId('use-model').click();
  await first.getByTestId('model-in-use').waitFor({ timeout: 30_000 });
  await options.locator('[data-testid=engine-summary][data-engine=wllama]').getByText('stories-first').waitFor();
  expectNoLeaks(doppel);
  await doppel.close();

  doppel = await launchDoppel({ profile });
  // Options asks the background for the engine's status, which starts the offscreen engine host.
  const reopened = await doppel.page('options/index.html#model');
  await reopened.getByTestId('engine-summary').waitFor({ timeout: 30_000 });
  const before = await callHost<Status>(doppel, 'host.status', {});
  expect(before.ok && before.value.engine).toBe(null);
  // The first task after the restart loads the chosen model, not the newest one.
  const reply = await callHost<{ text: string }>(doppel, 'host.complete', { messages: [{ role: 'user', content: 'Once upon a time' }], maxTokens: 8, temperature: 0 });
  expect(reply.ok && reply.value.text.length).toBeGreaterThan(0);
  const after = await callHost<Status>(doppel, 'host.status', {});
  expect(after.ok && after.value).toMatchObject({ engine: 'wllama', model: { name: 'stories-first' } });
  // The offscreen host is cross-origin isolated (manifest COOP/COEP), so the default thread count applies.
  expect(after.ok && after.value.threads).toBe(Math.min(CPU_THREADS_DEFAULT, availableParallelism()));
  await reopened.reload();
  await reopened.getByTestId('model-list').locator('li', { hasText: 'stories-first' }).getByTestId('model-in-use').waitFor({ timeout: 30_000 });
  expectNoLeaks(doppel);
});

test.skipIf(!HAS_MODEL)(`the offscreen engine host is cross-origin isolated, so the CPU engine runs on 2 threads when asked (${HAS_MODEL ? 'stories260K' : MODEL_SKIP_REASON})`, async () => {
  doppel = await launchDoppel();
  const options = await doppel.page('options/index.html#model');
  await options.getByTestId('add-model-file').setInputFiles({ name: 'stories.gguf', mimeType: 'application/octet-stream', buffer: model });
  await options.locator('[data-testid=engine-summary][data-engine=wllama]').getByText('stories').waitFor({ timeout: 30_000 });
  const status = await callHost<Status>(doppel, 'host.status', {});
  if (!status.ok || !status.value.model) throw new Error('no model loaded');
  const loaded = await callHost<Status>(doppel, 'host.loadModel', { modelId: status.value.model.id, threads: 2 });
  // Two threads need SharedArrayBuffer, which only a cross-origin-isolated page has (manifest COOP/COEP).
  expect(loaded.ok && loaded.value.threads).toBe(Math.min(2, availableParallelism()));
  const reply = await callHost<{ text: string; usage: { completionTokens: number } }>(doppel, 'host.complete', { messages: [{ role: 'user', content: 'Once upon a time' }], maxTokens: 8, temperature: 0 });
  expect(reply.ok && reply.value.usage.completionTokens).toBeGreaterThan(0);
  expectNoLeaks(doppel);
});
