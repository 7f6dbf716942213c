import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

const root = resolve(import.meta.dirname, 'src/entrypoints');
const outDir = resolve(import.meta.dirname, 'dist');

/** manifest.json lives at the top level; the build copies it beside the bundles it names. */
const copyManifest = (): Plugin => ({
  name: 'doppel-manifest',
  writeBundle() {
    const manifest = JSON.parse(readFileSync(resolve(import.meta.dirname, 'manifest.json'), 'utf8'));
    manifest.version = JSON.parse(readFileSync(resolve(import.meta.dirname, 'package.json'), 'utf8')).version;
    writeFileSync(resolve(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  },
});

const jsx = { jsx: { runtime: 'automatic', importSource: 'preact' } } as const;

// Manifest content scripts are classic scripts: the content entry is built on its own, as an IIFE.
const contentScript: UserConfig = {
  oxc: jsx,
  build: {
    outDir,
    emptyOutDir: false,
    copyPublicDir: false,
    target: 'chrome124',
    lib: { entry: resolve(root, 'content/index.ts'), formats: ['iife'], name: 'doppelContent', fileName: () => 'content.js' },
  },
};

const extensionPages: UserConfig = {
  root,
  base: './',
  publicDir: resolve(import.meta.dirname, 'public'),
  oxc: jsx,
  plugins: [copyManifest()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'chrome124',
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
};

export default defineConfig(({ mode }) => (mode === 'content' ? contentScript : extensionPages));
