import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
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
    // Loopback lets a user install a model from a server on their own machine; nothing else is reachable.
    expect(connect.slice(1).filter((host) => !MODEL_HOSTS.includes(host) && !/^http:\/\/(127\.0\.0\.1|localhost):\*$/.test(host) && !['blob:', 'data:'].includes(host))).toEqual([]);
  });

  test('never runs in incognito', () => {
    expect(manifest.incognito).toBe('not_allowed');
  });

  test('the engine is not in the service worker, and no remote code is referenced', () => {
    expect(manifest.background.service_worker).toBe('background.js');
    expect(JSON.stringify(manifest)).not.toMatch(/https?:\/\/[^"]*\.js/);
  });
});

const readme = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8');
/** The first column of the README's permission table, as the names it lists. */
const justified = (): Set<string> => {
  const section = readme.split('### Permissions, and why each is there')[1]?.split(/\n#{2,3} /)[0] ?? '';
  const rows = section.split('\n').filter((line) => line.startsWith('| `'));
  return new Set(rows.flatMap((row) => [...(row.split('|')[1] ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1]!)));
};

describe('permissions audit', () => {
  const asked: string[] = [...manifest.permissions, ...(manifest.optional_permissions ?? []), ...manifest.host_permissions, ...(manifest.optional_host_permissions ?? [])];

  test('every permission and host permission the manifest asks for has a line in the README', () => {
    const lines = justified();
    expect(asked.filter((p) => !lines.has(p))).toEqual([]);
  });

  test('the README justifies nothing the manifest does not ask for', () => {
    expect([...justified()].filter((p) => !asked.includes(p))).toEqual([]);
  });

  test('nothing broader than used: no <all_urls>, no file or ftp access, no scripting, debugger, cookies or webRequest', () => {
    expect(asked.filter((p) => /<all_urls>|^\*:|^file:|^ftp:|^(scripting|debugger|cookies|webRequest|webRequestBlocking|declarativeNetRequest|management|nativeMessaging|downloads|clipboardRead|geolocation|identity|proxy|privacy|tabCapture|desktopCapture|topSites|sessions|browsingData|history)$/.test(p) && !(manifest.optional_permissions ?? []).includes(p))).toEqual([]);
  });

  test('each API permission is used by the code (an unused one is broader than needed)', () => {
    const src = resolve(import.meta.dirname, '../../src');
    const files = (readdirSync(src, { recursive: true }) as string[]).filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f));
    const code = files.map((f) => readFileSync(join(src, f), 'utf8')).join('\n');
    // unlimitedStorage has no API of its own: it lifts the quota IndexedDB (indexedDB.open) lives under.
    const unused = asked.filter((p) => /^[a-z]+$/i.test(p)).filter((p) => (p === 'unlimitedStorage' ? !/indexedDB|openDB\(/.test(code) : !new RegExp(`\\b(browser|chrome)\\.${p}\\.`).test(code)));
    expect(unused).toEqual([]);
  });

  test('a permission added without a README line is caught', () => {
    const withExtra = [...asked, 'downloads'];
    expect(withExtra.filter((p) => !justified().has(p))).toEqual(['downloads']);
  });
});
