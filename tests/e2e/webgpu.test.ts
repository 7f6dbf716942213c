import { afterEach, expect, test } from 'vitest';
import { expectNoLeaks, launchDoppel, type Doppel } from './harness';

let doppel: Doppel | undefined;
afterEach(async () => {
  await doppel?.close();
});

type Status = { recommended: string; engine: string | null; preflight: { usable: boolean; adapter: string; shaderF16: boolean; reason: string } };

const statusFromOptions = async (d: Doppel) => {
  const options = await d.page('options/index.html#model');
  await options.getByTestId('engine-reason').waitFor({ timeout: 30_000 });
  const status = await options.evaluate(async () => (await chrome.runtime.sendMessage({ method: 'engine.status', params: {}, to: 'background' })).value as Status);
  return { options, status, reasonText: (await options.getByTestId('engine-reason').textContent()) ?? '' };
};

test('with --enable-unsafe-webgpu the preflight finds SwiftShader: no shader-f16, a software adapter, so the CPU engine', async () => {
  doppel = await launchDoppel({ webgpu: true });
  const { status, reasonText } = await statusFromOptions(doppel);
  expect(status.preflight.adapter).toBe('software');
  expect(status.preflight.shaderF16).toBe(false);
  expect(status.preflight.usable).toBe(false);
  expect(status.recommended).toBe('wllama');
  expect(reasonText).toMatch(/software renderer/);
  expect(reasonText).toMatch(/CPU engine/);
  expectNoLeaks(doppel);
});

test('without the flag there is no adapter: the UI says WebGPU is unavailable, why, and that the CPU engine is used', async () => {
  doppel = await launchDoppel();
  const { status, reasonText } = await statusFromOptions(doppel);
  expect(status.preflight.adapter).toBe('none');
  expect(status.recommended).toBe('wllama');
  expect(reasonText).toMatch(/WebGPU is not available/);
  expect(reasonText).toMatch(/no GPU adapter/);
  expect(reasonText).toMatch(/CPU engine/);
  expectNoLeaks(doppel);
});
