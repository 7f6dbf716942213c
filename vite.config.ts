import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { wllamaWorkerFile } from './scripts/wllama-worker-plugin.ts';

const root = resolve(import.meta.dirname, 'src/entrypoints');
type Target = 'chrome' | 'firefox' | 'store';
const outDirFor = (target: Target) => resolve(import.meta.dirname, target === 'firefox' ? 'dist-firefox' : target === 'store' ? 'dist-store' : 'dist');

/** WebLLM's default library host: a mutable branch. The store build neither reaches it nor names it. */
const WEBLLM_LIB_HOST = 'https://raw.githubusercontent.com';
const WEBLLM_LIB_PREFIX = 'https://raw.githubusercontent.com/mlc-ai/binary-mlc-llm-libs/main/web-llm-models/';

/**
 * The store build (`npm run package`): model libraries ship inside the package (scripts/package.mjs
 * embeds the pinned ones it could obtain and verify, listed in DOPPEL_EMBEDDED_LIBS), so the CSP
 * lets extension pages fetch model weights only.
 */
const forStore = (manifest: Record<string, unknown>) => {
  const csp = manifest.content_security_policy as { extension_pages: string };
  const extension_pages = csp.extension_pages
    .split(';')
    .map((d) => (d.trim().startsWith('connect-src') ? d.split(' ').filter((s) => s !== WEBLLM_LIB_HOST).join(' ') : d))
    .join(';');
  return { ...manifest, content_security_policy: { ...csp, extension_pages } };
};

/** wllama's compat build on a CDN; Doppel switches compat off (wllama-engine.ts), the store build drops the address too. */
const WLLAMA_COMPAT_CDN = 'https://cdn.jsdelivr.net/npm/@wllama/wllama-compat@';

/**
 * In the store build no engine library names a code host: WebLLM's built-in library URLs point
 * inside the package, and wllama's unused CDN fallback points nowhere.
 */
const libsInPackage = (): Plugin => ({
  name: 'doppel-libs-in-package',
  transform(code, id) {
    if (id.includes('@mlc-ai/web-llm') && code.includes(WEBLLM_LIB_PREFIX)) return { code: code.replaceAll(WEBLLM_LIB_PREFIX, 'webllm-libs/'), map: null };
    if (id.includes('@wllama/wllama') && code.includes(WLLAMA_COMPAT_CDN)) return { code: code.replace(/https:\/\/cdn\.jsdelivr\.net\/npm\/@wllama\/wllama-compat@[^"'`]+/g, ''), map: null };
    return null;
  },
});
const embeddedLibs = (): string[] => JSON.parse(process.env.DOPPEL_EMBEDDED_LIBS ?? '[]');

/**
 * Firefox's MV3 differences: an event page (`background.scripts`) instead of a service worker, which
 * also hosts the engine (no offscreen API), `sidebar_action` for the side panel, a gecko id, and no
 * Chrome-only keys.
 */
const forFirefox = (manifest: Record<string, unknown>) => {
  // COOP/COEP make Chrome's offscreen engine host cross-origin isolated (CPU threads); Firefox lints them as unknown.
  const { minimum_chrome_version: _min, side_panel: sidePanel, cross_origin_embedder_policy: _coep, cross_origin_opener_policy: _coop, ...rest } = manifest;
  return {
    ...rest,
    permissions: (manifest.permissions as string[]).filter((p) => p !== 'offscreen' && p !== 'sidePanel'),
    // Firefox's side panel is the sidebar, on the same page.
    sidebar_action: { default_panel: (sidePanel as { default_path: string }).default_path, default_title: '__MSG_appName__', default_icon: { 16: 'icons/icon-16.png', 32: 'icons/icon-32.png' }, open_at_install: false },
    background: { scripts: ['background.js'], type: 'module' },
    browser_specific_settings: { gecko: { id: 'doppel@doppel.local', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } }, gecko_android: { strict_min_version: '142.0' } },
  };
};

/** manifest.json lives at the top level; the build copies it beside the bundles it names. */
const copyManifest = (target: Target): Plugin => ({
  name: 'doppel-manifest',
  writeBundle() {
    const manifest = JSON.parse(readFileSync(resolve(import.meta.dirname, 'manifest.json'), 'utf8'));
    manifest.version = JSON.parse(readFileSync(resolve(import.meta.dirname, 'package.json'), 'utf8')).version;
    const built = target === 'firefox' ? forFirefox(manifest) : target === 'store' ? forStore(manifest) : manifest;
    writeFileSync(resolve(outDirFor(target), 'manifest.json'), `${JSON.stringify(built, null, 2)}\n`);
  },
});

const jsx = { jsx: { runtime: 'automatic', importSource: 'preact' } } as const;

// Manifest content scripts are classic scripts: the content entry is built on its own, as an IIFE.
const contentScript = (target: Target): UserConfig => ({
  oxc: jsx,
  build: {
    outDir: outDirFor(target),
    emptyOutDir: false,
    copyPublicDir: false,
    target: target === 'firefox' ? 'firefox140' : 'chrome124',
    lib: { entry: resolve(root, 'content/index.ts'), formats: ['iife'], name: 'doppelContent', fileName: () => 'content.js' },
  },
});

/**
 * The popup is built on its own so that its first frame needs one script (preact and the popup,
 * not chunks shared with Options and the panel): each module on a page's critical path is a
 * request to the browser process, parsed and instantiated on the popup's main thread. What it
 * needs only later (results, the interview) is a chunk it imports on demand.
 */
const popupPage = (target: Target): UserConfig => ({
  root,
  base: './',
  oxc: jsx,
  define: { __DOPPEL_EMBEDDED_LIBS__: JSON.stringify(target === 'store' ? embeddedLibs() : null) },
  build: {
    outDir: outDirFor(target),
    emptyOutDir: false,
    copyPublicDir: false,
    target: target === 'firefox' ? 'firefox140' : 'chrome124',
    modulePreload: false,
    assetsInlineLimit: 0,
    rollupOptions: { input: { popup: resolve(root, 'popup/index.html') } },
  },
});

const extensionPages = (target: Target): UserConfig => ({
  root,
  base: './',
  publicDir: resolve(import.meta.dirname, 'public'),
  oxc: jsx,
  plugins: [copyManifest(target), wllamaWorkerFile(), ...(target === 'store' ? [libsInPackage()] : [])],
  // Which pinned model libraries this package carries (file names under webllm-libs/); the default build carries none.
  define: { __DOPPEL_EMBEDDED_LIBS__: JSON.stringify(target === 'store' ? embeddedLibs() : null) },
  // Firefox runs the CPU engine only (see webllm-unavailable.ts).
  ...(target === 'firefox' ? { resolve: { alias: { '@mlc-ai/web-llm': resolve(import.meta.dirname, 'src/adapters/engine/webllm-unavailable.ts') } } } : {}),
  build: {
    outDir: outDirFor(target),
    emptyOutDir: true,
    target: target === 'firefox' ? 'firefox140' : 'chrome124',
    // A page's static imports are fetched at once (links in its HTML), not one level of the module
    // graph after another. No polyfill (Chrome and Firefox have modulepreload) and no preloading for
    // dynamic imports: the service worker has no document to add links to.
    modulePreload: { polyfill: false, resolveDependencies: (_file, deps, { hostType }) => (hostType === 'html' ? deps : []) },
    assetsInlineLimit: 0,
    rollupOptions: {
      input: {
        background: resolve(root, 'background/index.ts'),
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

// Modes: production (Chrome) | content | popup | firefox | firefox-content | firefox-popup | store | store-content | store-popup.
const targetOf = (mode: string): Target => (mode.startsWith('firefox') ? 'firefox' : mode.startsWith('store') ? 'store' : 'chrome');
export default defineConfig(({ mode }) => (mode.endsWith('content') ? contentScript(targetOf(mode)) : mode.endsWith('popup') ? popupPage(targetOf(mode)) : extensionPages(targetOf(mode))));
