import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const REPO = resolve(import.meta.dirname, '../..');
const messages: Record<string, { message: string; placeholders?: Record<string, { content: string }> }> = JSON.parse(
  readFileSync(join(REPO, 'public/_locales/en/messages.json'), 'utf8'),
);
const manifest = readFileSync(join(REPO, 'manifest.json'), 'utf8');

const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
const code = sources(join(REPO, 'src')).map((file) => readFileSync(file, 'utf8')).join('\n');
const used = new Set([...code.matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g), ...code.matchAll(/:\s*'([A-Za-z0-9_]+)'/g)].map((m) => m[1]!));

describe('English locale', () => {
  test('every message the code asks for exists', () => {
    const asked = [...code.matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)].map((m) => m[1]!);
    expect(asked.length).toBeGreaterThan(10);
    expect(asked.filter((key) => !(key in messages))).toEqual([]);
  });

  test('the manifest is localised and its messages exist', () => {
    const keys = [...manifest.matchAll(/__MSG_([A-Za-z0-9_]+)__/g)].map((m) => m[1]!);
    expect(keys).toEqual(expect.arrayContaining(['appName', 'appDescription']));
    expect(keys.filter((key) => !(key in messages))).toEqual([]);
  });

  test('no message is unused', () => {
    expect(Object.keys(messages).filter((key) => !used.has(key) && !manifest.includes(`__MSG_${key}__`))).toEqual([]);
  });

  test('placeholders are declared for every $NAME$ in a message', () => {
    for (const [key, { message, placeholders }] of Object.entries(messages)) {
      for (const [, name] of message.matchAll(/\$([A-Z_]+)\$/g)) expect(placeholders?.[name!.toLowerCase()], `${key} uses $${name}$`).toBeDefined();
    }
  });
});
