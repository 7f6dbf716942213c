import { afterEach, expect, test } from 'vitest';
import { expectNoLeaks, launchDoppel, type Doppel } from './harness';

let doppel: Doppel | undefined;
afterEach(async () => {
  await doppel?.close();
});

const catalog = async (d: Doppel) => {
  const options = await d.page('options/index.html#model');
  await options.getByTestId('recommendation').waitFor({ timeout: 30_000 });
  return options;
};

test.each([
  { webgpu: true, why: /software renderer.*CPU engine/ },
  { webgpu: false, why: /WebGPU is not available.*CPU engine/ },
])('Options → Model shows the catalog, the recommended model and why (WebGPU flag: $webgpu)', async ({ webgpu, why }) => {
  doppel = await launchDoppel({ webgpu });
  const options = await catalog(doppel);
  const recommendation = options.getByTestId('recommendation');
  expect(await recommendation.getAttribute('data-engine')).toBe('wllama');
  expect(await recommendation.getAttribute('data-model')).toMatch(/qwen2\.5|smollm2/);
  // Why there is no GPU is said once, in the engine summary; the recommendation says what follows from it.
  expect(await options.getByTestId('engine-reason').first().textContent()).toMatch(why);
  expect(await options.getByTestId('recommendation-reason').textContent()).toMatch(/CPU engine/);
  // No usable GPU: no WebLLM model is offered, and the CPU list shows sizes before any download.
  expect(await options.getByTestId('webllm-offers').count()).toBe(0);
  const cpu = await options.getByTestId('cpu-catalog').textContent();
  expect(cpu).toMatch(/Qwen2\.5 0\.5B Instruct \(Q4_K_M\) — \d+ MB/);
  expect(cpu).toMatch(/SmolLM2 360M/);
  expect(await options.getByTestId('storage-estimate').textContent()).toMatch(/Doppel uses .* ([kMG]B|byte) of storage/);
  expectNoLeaks(doppel);
});
