import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

const root = resolve(import.meta.dirname, 'src/entrypoints');
const outDirFor = (firefox: boolean) => resolve(import.meta.dirname, firefox ? 'dist-firefox' : 'dist');

/**
 * Firefox's MV3 differences: an event page (`background.scripts`) instead of a service worker, which
 * also hosts the engine (no offscreen API), a gecko id, and no Chrome-only keys.
 */
const forFirefox = (manifest: Record<string, unknown>) => {
  // COOP/COEP make Chrome's offscreen engine host cross-origin isolated (threads); Firefox lints them as unknown.
  const { minimum_chrome_version: _min, cross_origin_embedder_policy: _coep, cross_origin_opener_policy: _coop, ...rest } = manifest;
  return {
    ...rest,
    permissions: (manifest.permissions as string[]).filter((p) => p !== 'offscreen'),
    background: { scripts: ['background.js'], type: 'module' },
    browser_specific_settings: { gecko: { id: 'doppel@doppel.local', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } }, gecko_android: { strict_min_version: '142.0' } },
  };
};

/** manifest.json lives at the top level; the build copies it beside the bundles it names. */
const copyManifest = (firefox: boolean): Plugin => ({
  name: 'doppel-manifest',
  writeBundle() {
    const manifest = JSON.parse(readFileSync(resolve(import.meta.dirname, 'manifest.json'), 'utf8'));
    manifest.version = JSON.parse(readFileSync(resolve(import.meta.dirname, 'package.json'), 'utf8')).version;
    writeFileSync(resolve(outDirFor(firefox), 'manifest.json'), `${JSON.stringify(firefox ? forFirefox(manifest) : manifest, null, 2)}\n`);
  },
});

const jsx = { jsx: { runtime: 'automatic', importSource: 'preact' } } as const;

// Manifest content scripts are classic scripts: the content entry is built on its own, as an IIFE.
const contentScript = (firefox: boolean): UserConfig => ({
  oxc: jsx,
  build: {
    outDir: outDirFor(firefox),
    emptyOutDir: false,
    copyPublicDir: false,
    target: firefox ? 'firefox140' : 'chrome124',
    lib: { entry: resolve(root, 'content/index.ts'), formats: ['iife'], name: 'doppelContent', fileName: () => 'content.js' },
  },
});

const extensionPages = (firefox: boolean): UserConfig => ({
  root,
  base: './',
  publicDir: resolve(import.meta.dirname, 'public'),
  oxc: jsx,
  plugins: [copyManifest(firefox)],
  // Firefox runs the CPU engine only (see webllm-unavailable.ts).
  ...(firefox ? { resolve: { alias: { '@mlc-ai/web-llm': resolve(import.meta.dirname, 'src/adapters/engine/webllm-unavailable.ts') } } } : {}),
  build: {
    outDir: outDirFor(firefox),
    emptyOutDir: true,
    target: firefox ? 'firefox140' : 'chrome124',
    // Inline module preload polyfills fetch modules by URL; extension pages don't need them.
    modulePreload: false,
    assetsInlineLimit: 0,
    rollupOptions: {
      input: {
        background: resolve(root, 'background/index.ts'),
        popup: resolve(root, 'popup/index.html'),
        options: resolve(root, 'options/index.html'),
        panel: resolve(root, 'panel/index.html'),
        offscreen: resolve(root, 'offscreen/index.html'),
        onboarding: resolve(root, 'onboarding/index.html'),
      },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'background' ? 'background.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
});

// Modes: production (Chrome) | content | firefox | firefox-content.
export default defineConfig(({ mode }) =>
  mode.endsWith('content') ? contentScript(mode.startsWith('firefox')) : extensionPages(mode === 'firefox'),
);
