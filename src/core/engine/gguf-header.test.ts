import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { GGUF_HEADER_BYTES, looksLikeGguf } from './gguf-header';

const STORIES = resolve(import.meta.dirname, '../../../../shared/fixtures/models/stories260K.gguf');

test('a real GGUF passes; damaged, truncated and foreign files do not', () => {
  const real = new Uint8Array(readFileSync(STORIES).subarray(0, GGUF_HEADER_BYTES));
  expect(looksLikeGguf(real)).toBe(true);
  expect(looksLikeGguf(real.subarray(0, 10))).toBe(false);
  const flipped = real.slice();
  flipped[1] = 0;
  expect(looksLikeGguf(flipped)).toBe(false);
  const future = real.slice();
  future[4] = 99;
  expect(looksLikeGguf(future)).toBe(false);
  expect(looksLikeGguf(new TextEncoder().encode('<!doctype html><title>404</title>'))).toBe(false);
});
