/**
 * Doppel's layering (README "How the code is laid out"): imports flow entrypoints →
 * adapters/messaging/ui → core. Type-only imports count: a type from the wrong layer couples the
 * layers as surely as a value does. Checked by `npm run lint:layers` inside `npm test`.
 */
const BROWSER_PACKAGES = '(idb|@mlc-ai/web-llm|@wllama/wllama|preact|webextension-polyfill)';

module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'core runs in plain node: it imports nothing from adapters, messaging, ui or entrypoints.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^src/(adapters|messaging|ui|entrypoints)/' },
    },
    {
      name: 'core-no-browser-packages',
      comment: 'core imports no browser, IndexedDB, engine or UI package.',
      severity: 'error',
      from: { path: '^src/core/' },
      // Resolved into node_modules, or named bare when it cannot be resolved.
      to: { path: `(^|node_modules/)${BROWSER_PACKAGES}(/|$)` },
    },
    {
      name: 'ui-and-messaging-not-adapters',
      comment: 'ui and messaging reach storage and engines only through messages or injected ports.',
      severity: 'error',
      from: { path: '^src/(ui|messaging)/' },
      to: { path: '^src/adapters/' },
    },
    {
      name: 'adapters-not-ui',
      comment: 'adapters never import ui: what the user reads is composed in entrypoints.',
      severity: 'error',
      from: { path: '^src/adapters/' },
      to: { path: '^src/ui/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
