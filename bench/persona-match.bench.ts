import { describe, it } from 'vitest';
import { runPersonaCli } from '../src/entrypoints/cli/persona';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chunks, loadCorpus } from '../tests/attribution/harness';
import { applyWriting, emptyStyle, styleCard } from '../src/core/persona/style';

/**
 * `persona match` throughput in one process: texts × personas scored per second, on real writing
 * (the State of the Union attribution corpus: 11 personas, every 40-word held-out text), through the CLI entry
 * (`match --json personas… -- texts.jsonl`) as a script would call it.
 */
describe('persona match throughput', () => {
  it('texts × personas per second', () => {
    const corpus = loadCorpus('attribution/sotu');
    const dir = mkdtempSync(join(tmpdir(), 'doppel-bench-'));
    const personaFiles = corpus.map(({ author, train }) => {
      const style = styleCard(chunks(train, 40).reduce((acc, t) => applyWriting(acc, t, 'sotu'), emptyStyle()));
      const file = join(dir, `${author.split('/').at(-1)}.json`);
      writeFileSync(file, JSON.stringify({ id: author, version: 1, createdAt: 0, style, interests: [], topSites: [], rhythm: [], claims: [] }));
      return file;
    });
    const texts = corpus.flatMap(({ heldOut }) => chunks(heldOut, 40));
    const textsFile = join(dir, 'texts.jsonl');
    writeFileSync(textsFile, texts.map((t) => JSON.stringify(t)).join('\n'));
    const oneText = join(dir, 'one.jsonl');
    writeFileSync(oneText, JSON.stringify(texts[0]));
    runPersonaCli(['match', '--json', personaFiles[0]!, '--', textsFile]); // warm-up
    const loadStart = performance.now();
    runPersonaCli(['match', '--json', ...personaFiles, '--', oneText]);
    const loadSeconds = (performance.now() - loadStart) / 1000;
    const start = performance.now();
    const { code, out } = runPersonaCli(['match', '--json', ...personaFiles, '--', textsFile]);
    const seconds = (performance.now() - start) / 1000;
    if (code !== 0) throw new Error(out);
    const pairs = texts.length * personaFiles.length;
    console.table({
      personas: personaFiles.length,
      'texts (40 words)': texts.length,
      'pairs scored': pairs,
      'seconds (load + score + print)': Number(seconds.toFixed(2)),
      'seconds (load personas, one text)': Number(loadSeconds.toFixed(2)),
      'texts × personas per second': Math.round(pairs / seconds),
      'texts × personas per second, scoring only': Math.round(pairs / Math.max(1e-3, seconds - loadSeconds)),
    });
  });
});
