import { afterEach, beforeEach, expect, test } from 'vitest';
import { expectNoLeaks, HAS_MODEL, launchDoppel, MODEL_SKIP_REASON, type Doppel } from './harness';
import { addStoriesModel, callHost } from './helpers';

let doppel: Doppel;
beforeEach(async () => {
  doppel = await launchDoppel({ webgpu: true });
  // The weight shard of the WebLLM-shaped fixture: 16 zero bytes, served from memory rather than
  // committed as a .bin the repo's checks would take for a model file.
  doppel.server.serve('mlc/tiny-q4f32_1-MLC/resolve/main/params_shard_0.bin', Buffer.alloc(16), 'application/octet-stream');
});
afterEach(async () => {
  await doppel.close();
});

const label = HAS_MODEL ? 'stories260K' : MODEL_SKIP_REASON;
type Status = { engine: string | null; model: { name: string } | null; state: string; error?: string };

test.skipIf(!HAS_MODEL)(`a custom MLC model goes through WebLLM's download path (config cached in the Cache API, model library fetched), and its failure falls back to the CPU engine with a sentence (${label})`, async () => {
  await addStoriesModel(doppel);
  const choice = {
    modelId: 'tiny-q4f32_1-MLC',
    custom: { modelUrl: doppel.server.url('mlc/tiny-q4f32_1-MLC'), modelLibUrl: doppel.server.url('mlc/libs/tiny-q4f32_1-webgpu.wasm') },
  };
  const reply = await callHost<Status>(doppel, 'host.loadGpuModel', choice);
  if (!reply.ok) throw new Error(reply.error.message);
  // Real WebLLM fetched the weights directory's chat config (resolve/main/, as on Hugging Face) and the library.
  const paths = doppel.server.received.map((r) => r.path);
  expect(paths).toContain('/mlc/tiny-q4f32_1-MLC/resolve/main/mlc-chat-config.json');
  expect(paths).toContain('/mlc/libs/tiny-q4f32_1-webgpu.wasm');
  // The library is not a model library, so loading stops there: a sentence, and the CPU engine with the user's GGUF.
  expect(reply.value.error).toMatch(/GPU engine failed.*Now using the CPU engine with stories260K/);
  expect(reply.value).toMatchObject({ engine: 'wllama', state: 'idle', model: { name: 'stories260K' } });
  // WebLLM stored the config in the Cache API (cacheBackend "cache"), so a second attempt does not fetch it again.
  const offscreen = await doppel.offscreen();
  const cached = await offscreen.evaluate(async () => {
    const names = await caches.keys();
    const urls = await Promise.all(names.map(async (n) => (await (await caches.open(n)).keys()).map((r) => `${n} ${r.url}`)));
    return urls.flat();
  });
  expect(cached.some((entry) => entry.startsWith('webllm/config ') && entry.endsWith('/mlc-chat-config.json'))).toBe(true);
  const configFetches = () => doppel.server.received.filter((r) => r.path.endsWith('mlc-chat-config.json')).length;
  const before = configFetches();
  await callHost<Status>(doppel, 'host.loadGpuModel', choice);
  expect(configFetches()).toBe(before);
  // Options → Model lists what WebLLM has cached for the model, with its size, and deletes it.
  const options = await doppel.page('options/index.html#model');
  const entry = options.locator('[data-testid=gpu-cache-list] li', { hasText: 'tiny-q4f32_1-MLC' });
  await expect.poll(async () => (await entry.textContent({ timeout: 30_000 })) ?? '').toMatch(/tiny-q4f32_1-MLC — [\d.]+ (byte|kB|MB) in \d+ files/);
  await entry.getByRole('button', { name: 'Delete tiny-q4f32_1-MLC' }).click();
  await entry.waitFor({ state: 'detached' });
  const left = await options.evaluate(async () => (await (await caches.open('webllm/config')).keys()).map((r) => r.url));
  expect(left.filter((u) => u.includes('tiny-q4f32_1-MLC'))).toEqual([]);
  // And the CPU engine it fell back to still generates.
  const generated = await callHost<{ usage: { completionTokens: number } }>(doppel, 'host.complete', { messages: [{ role: 'user', content: 'Once' }], maxTokens: 16, temperature: 0 });
  if (!generated.ok) throw new Error(generated.error.message);
  expect(generated.value.usage.completionTokens).toBeGreaterThan(3);
  expectNoLeaks(doppel);
});
