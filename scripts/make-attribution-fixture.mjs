#!/usr/bin/env node
// Builds tests/fixtures/attribution from a local clone of nltk/nltk (public-domain texts in its
// nltk_data/corpora): node scripts/make-attribution-fixture.mjs <path-to-nltk-git-dir>
// Older text trains, newer text is held out; whitespace is folded, nothing else is changed.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const [gitDir] = process.argv.slice(2);
const COMMIT = '4dc39fbf6965509f7b74316eff239bd110a03b49';
const out = resolve(import.meta.dirname, '../tests/fixtures/attribution');
const show = (path) => execFileSync('git', ['--git-dir', gitDir, 'show', `${COMMIT}:nltk_data/corpora/${path}`], { encoding: 'utf8', maxBuffer: 1 << 26 });
const wordsOf = (text) => text.split(/\s+/).filter(Boolean);
const take = (ws, from, n) => ws.slice(from, from + n).join(' ');
const write = (corpus, author, train, heldOut) => {
  mkdirSync(join(out, corpus), { recursive: true });
  writeFileSync(join(out, corpus, `${author}.train.txt`), `${train}\n`);
  writeFileSync(join(out, corpus, `${author}.heldout.txt`), `${heldOut}\n`);
};

const TRAIN = 8000;
const HELD = 4000;
const gutenberg = {
  milton: { train: ['milton-paradise.txt', 0.1], held: ['milton-paradise.txt', 0.7] },
  shakespeare: { train: ['shakespeare-hamlet.txt', 0.2], held: ['shakespeare-macbeth.txt', 0.2] },
  whitman: { train: ['whitman-leaves.txt', 0.1], held: ['whitman-leaves.txt', 0.7] },
  blake: { train: ['blake-poems.txt', 0.02], held: ['blake-poems.txt', 0.62] },
  carroll: { train: ['carroll-alice.txt', 0.1], held: ['carroll-alice.txt', 0.6] },
};
for (const [author, { train, held }] of Object.entries(gutenberg)) {
  let t;
  let h;
  try {
    t = wordsOf(show(`gutenberg/${train[0]}`));
    h = wordsOf(show(`gutenberg/${held[0]}`));
  } catch {
    continue;
  }
  const trainN = Math.min(TRAIN, Math.floor(t.length * 0.55));
  const heldN = Math.min(HELD, Math.floor(h.length * 0.35));
  write('gutenberg', author, take(t, Math.floor(t.length * train[1]), trainN), take(h, Math.floor(h.length * held[1]), heldN));
}

// State of the Union addresses, 1945–2006 (US government works, public domain): per president the
// earliest addresses train and the latest are held out.
const files = execFileSync('git', ['--git-dir', gitDir, 'ls-tree', '--name-only', COMMIT, 'nltk_data/corpora/state_union/'], { encoding: 'utf8' })
  .split('\n').filter((f) => f.endsWith('.txt')).sort();
const byPresident = new Map();
for (const f of files) {
  const president = f.split('/').at(-1).replace(/^\d{4}-/, '').replace(/-\d\.txt$|\.txt$/, '').toLowerCase();
  const body = show(`state_union/${f.split('/').at(-1)}`).split('\n').slice(3).join(' ');
  byPresident.set(president, [...(byPresident.get(president) ?? []), wordsOf(body)]);
}
for (const [president, speeches] of byPresident) {
  if (speeches.length < 2) continue;
  const all = speeches.flat();
  const last = speeches.at(-1).length;
  const heldN = Math.min(HELD, Math.floor(all.length * 0.35), Math.max(last, 1500));
  write('sotu', president, take(all, 0, Math.min(TRAIN, all.length - heldN)), all.slice(all.length - heldN).join(' '));
}
