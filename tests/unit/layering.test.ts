import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import { afterAll, describe, expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const config = createRequire(import.meta.url)(join(root, '.dependency-cruiser.cjs'));

const violationsIn = async (baseDir: string): Promise<{ rule: string; from: string; to: string }[]> => {
  const { output } = await cruise(['src'], { ...config.options, tsConfig: undefined, baseDir, validate: true, ruleSet: { forbidden: config.forbidden } });
  return (output as ICruiseResult).summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to }));
};

// A tree with one wrong import per rule, plus allowed ones that must stay quiet.
const FIXTURE: Record<string, string> = {
  'src/core/model.ts': "export type Model = { id: string };\n",
  'src/core/bad-adapter.ts': "import { store } from '../adapters/store';\nexport const x = store;\n",
  'src/core/bad-type.ts': "import type { Msg } from '../messaging/protocol';\nexport type Y = Msg;\n",
  'src/core/bad-package.ts': "import { h } from 'preact';\nexport const z = h;\n",
  'src/adapters/store.ts': "import type { Model } from '../core/model';\nexport const store: Model[] = [];\n",
  'src/adapters/bad-ui.ts': "import { View } from '../ui/View';\nexport const w = View;\n",
  'src/messaging/protocol.ts': "import type { Model } from '../core/model';\nexport type Msg = Model;\n",
  'src/messaging/bad-adapter.ts': "import type { store } from '../adapters/store';\nexport type S = typeof store;\n",
  'src/ui/View.tsx': "import type { Msg } from '../messaging/protocol';\nexport const View = (p: { m: Msg }) => p.m.id;\n",
  'src/entrypoints/main.ts': "import { store } from '../adapters/store';\nimport { View } from '../ui/View';\nexport const all = [store, View];\n",
};

const trees: string[] = [];
afterAll(() => trees.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('layering lint (dependency-cruiser, .dependency-cruiser.cjs)', () => {
  test('fails on each deliberately wrong import, and only on those', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'doppel-layers-'));
    trees.push(dir);
    for (const [path, text] of Object.entries(FIXTURE)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const found = await violationsIn(dir);
    expect(found.map((v) => `${v.rule}: ${v.from}`).sort()).toEqual([
      'adapters-not-ui: src/adapters/bad-ui.ts',
      'core-is-pure: src/core/bad-adapter.ts',
      'core-is-pure: src/core/bad-type.ts',
      'core-no-browser-packages: src/core/bad-package.ts',
      'ui-and-messaging-not-adapters: src/messaging/bad-adapter.ts',
    ]);
  }, 60_000);

  test("passes on Doppel's own source tree", async () => {
    expect(await violationsIn(root)).toEqual([]);
  }, 60_000);
});
