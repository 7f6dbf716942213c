import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const manifest = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../manifest.json'), 'utf8'));
const csp: string = manifest.content_security_policy.extension_pages;
const directive = (name: string) => csp.split(';').map((d) => d.trim().split(/\s+/)).find(([n]) => n === name)?.slice(1) ?? [];

// Hosts WebLLM downloads model weights from (shared/docs/anchors.md); nothing else may be reached.
const MODEL_HOSTS = ['https://huggingface.co', 'https://cdn-lfs.huggingface.co', 'https://cdn-lfs-us-1.huggingface.co', 'https://cdn-lfs-us-1.hf.co', 'https://cas-bridge.xethub.hf.co', 'https://raw.githubusercontent.com'];

describe('manifest privacy policy', () => {
  test('scripts come only from the extension itself, with WebAssembly allowed for the engines', () => {
    expect(directive('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  });

  test('extension pages may connect only to themselves and the model hosts', () => {
    const connect = directive('connect-src');
    expect(connect[0]).toBe("'self'");
    expect(connect.slice(1).every((host) => MODEL_HOSTS.includes(host))).toBe(true);
  });

  test('never runs in incognito', () => {
    expect(manifest.incognito).toBe('not_allowed');
  });

  test('the engine is not in the service worker, and no remote code is referenced', () => {
    expect(manifest.background.service_worker).toBe('background.js');
    expect(JSON.stringify(manifest)).not.toMatch(/https?:\/\/[^"]*\.js/);
  });
});
