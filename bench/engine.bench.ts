import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, test } from 'vitest';
import { HAS_MODEL, launchDoppel, REPO, STORIES_MODEL, type Doppel } from '../tests/e2e/harness';
import { addStoriesModel, callHost } from '../tests/e2e/helpers';

// The same model, prompt and settings through Doppel (offscreen engine host, messaging, queue) and
// through wllama called directly in a plain page of the same browser, alternating, several rounds.
const ROUNDS = 7;
const MAX_TOKENS = 400;
const PROMPT = 'Once upon a time';
const TRANSCRIPT = `User: ${PROMPT}\n\nAssistant:`;

let doppel: Doppel;

const TYPES: Record<string, string> = { js: 'text/javascript', wasm: 'application/wasm', json: 'application/json', map: 'application/json' };
/** wllama's files, served by the test's own server (the network audit allows only that one). */
const serveTree = (server: Doppel['server'], dir: string, under: string) => {
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    server.serve(`${under}/${relative(dir, file)}`, readFileSync(file), TYPES[entry.name.split('.').pop()!] ?? 'application/octet-stream');
  }
};

beforeAll(async () => {
  doppel = await launchDoppel();
  serveTree(doppel.server, join(REPO, 'node_modules/@wllama/wllama/esm'), 'direct/wllama');
  doppel.server.serve('direct/model.gguf', readFileSync(STORIES_MODEL), 'application/octet-stream');
  // Loaded by the page itself: test code cannot `import()` inside page.evaluate (the test runner rewrites it).
  doppel.server.serve(
    'direct/index.html',
    `<!doctype html><title>wllama direct</title><script type="module">
      import { Wllama } from '/direct/wllama/index.js';
      window.ready = (async () => {
        const wllama = new Wllama({ default: '/direct/wllama/wasm/wllama.wasm' }, { suppressNativeLog: true, allowOffline: true, logger: { debug() {}, log() {}, warn() {}, error() {} } });
        wllama.setCompat(null);
        const blob = await (await fetch('/direct/model.gguf')).blob();
        await wllama.loadModel([blob], { n_threads: 1, n_ctx: 2048 });
        window.wllama = wllama;
      })();
    </script>`,
  );
});
afterAll(async () => {
  await doppel?.close();
});

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Timings {
  tokens: number;
  decodeTokensPerSecond: number;
  wallTokensPerSecond: number;
}

test.skipIf(!HAS_MODEL)('generation: Doppel against wllama called directly, and prefix reuse between two tasks', async () => {
  await addStoriesModel(doppel);
  const page = await doppel.context.newPage();
  await page.goto(doppel.server.url('direct/index.html'));
  await page.waitForFunction(() => 'ready' in globalThis);
  await page.evaluate(() => (globalThis as unknown as { ready: Promise<void> }).ready);

  const viaWllama = (): Promise<Timings> =>
    page.evaluate(
      async ({ prompt, maxTokens }) => {
        const wllama = (globalThis as unknown as { wllama: { createCompletion(o: object): Promise<void> } }).wllama;
        let tokens = 0;
        let first = 0;
        let perSecond = 0;
        await wllama.createCompletion({
          prompt, stream: true, max_tokens: maxTokens, temperature: 0, temp: 0, cache_prompt: true,
          onData: (chunk: { choices: { text: string }[]; timings?: { predicted_per_second: number } }) => {
            if (chunk.timings) perSecond = chunk.timings.predicted_per_second;
            if (chunk.choices[0]?.text) {
              tokens++;
              if (!first) first = performance.now();
            }
          },
        });
        return { tokens, decodeTokensPerSecond: perSecond, wallTokensPerSecond: ((tokens - 1) * 1000) / (performance.now() - first) };
      },
      { prompt: TRANSCRIPT, maxTokens: MAX_TOKENS },
    );

  // Doppel end to end: the job streams over a port from the offscreen host to a Doppel page.
  const panelRun = async (round: number): Promise<Timings> => {
    const jobId = `bench-${round}`;
    await doppel.inWorker(
      ({ id, prompt, maxTokens }) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('doppel');
          open.onsuccess = () => {
            const tx = open.result.transaction('jobs', 'readwrite');
            tx.objectStore('jobs').put({ id, kind: 'draft', status: 'queued', createdAt: 0, updatedAt: 0, title: 'bench', messages: [{ role: 'user', content: prompt }], maxTokens, temperature: 0, output: '', tokens: 0 });
            tx.oncomplete = () => (open.result.close(), resolve());
            tx.onerror = () => reject(tx.error);
          };
        }),
      { id: jobId, prompt: PROMPT, maxTokens: MAX_TOKENS },
    );
    const panel = await doppel.page('popup/index.html');
    const result = await panel.evaluate(async (id) => {
      const port = chrome.runtime.connect({ name: 'doppel:generate' });
      return new Promise<Timings>((resolve) => {
        // Tokens arrive in batches (one message per ~16 ms): count them by the running total.
        let tokens = 0;
        let first = 0;
        let tokensAtFirst = 0;
        port.onMessage.addListener((message: { type: string; tokens?: number; job?: { usage?: { decodeTokensPerSecond: number } } }) => {
          if (message.type === 'token') {
            tokens = message.tokens ?? tokens + 1;
            if (!first) {
              first = performance.now();
              tokensAtFirst = tokens;
            }
          }
          if (message.type === 'done') {
            resolve({ tokens, decodeTokensPerSecond: message.job?.usage?.decodeTokensPerSecond ?? 0, wallTokensPerSecond: ((tokens - tokensAtFirst) * 1000) / (performance.now() - first) });
          }
        });
        port.postMessage({ type: 'start', jobId: id });
      });
    }, jobId);
    await panel.close();
    return result;
  };

  // The same engine in the host, without a stream: separates the host's placement from streaming.
  const hostRun = async (): Promise<number> => {
    const reply = await callHost<{ usage: { decodeTokensPerSecond: number } }>(doppel, 'host.complete', { messages: [{ role: 'user', content: PROMPT }], maxTokens: MAX_TOKENS, temperature: 0 });
    if (!reply.ok) throw new Error(reply.error.message);
    return reply.value.usage.decodeTokensPerSecond;
  };

  const doppelRuns: Timings[] = [];
  const directRuns: Timings[] = [];
  const hostRuns: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    doppelRuns.push(await panelRun(round));
    directRuns.push(await viaWllama());
    hostRuns.push(await hostRun());
  }
  const d = { decode: median(doppelRuns.map((r) => r.decodeTokensPerSecond)), wall: median(doppelRuns.map((r) => r.wallTokensPerSecond)) };
  const w = { decode: median(directRuns.map((r) => r.decodeTokensPerSecond)), wall: median(directRuns.map((r) => r.wallTokensPerSecond)) };
  console.log(`generation, stories260K, 1 thread, ${MAX_TOKENS} tokens max, median of ${ROUNDS}`);
  const spread = (runs: Timings[]) => runs.map((r) => r.decodeTokensPerSecond.toFixed(0)).join(' ');
  console.log(`decode tok/s per round (alternating), Doppel: ${spread(doppelRuns)}; wllama: ${spread(directRuns)}; host, unstreamed: ${hostRuns.map((r) => r.toFixed(0)).join(' ')}`);
  console.table({
    'Doppel (streamed to a page)': { tokens: doppelRuns[0]!.tokens, 'decode tok/s (engine)': d.decode.toFixed(1), 'tok/s seen by the page': d.wall.toFixed(1) },
    'Doppel host, unstreamed (host.complete)': { tokens: MAX_TOKENS - 1, 'decode tok/s (engine)': median(hostRuns).toFixed(1), 'tok/s seen by the page': '' },
    'wllama directly': { tokens: directRuns[0]!.tokens, 'decode tok/s (engine)': w.decode.toFixed(1), 'tok/s seen by the page': w.wall.toFixed(1) },
    'Doppel / wllama': { tokens: '', 'decode tok/s (engine)': (d.decode / w.decode).toFixed(3), 'tok/s seen by the page': (d.wall / w.wall).toFixed(3) },
  });

  // Prefix reuse: two different tasks that share the persona prefix (the system turn comes first).
  const persona = `You are writing as the user. ${'They like the sea, small boats, and long walks with their dog. '.repeat(12)}`;
  const task = (content: string) => ({ messages: [{ role: 'system', content: persona }, { role: 'user', content }], maxTokens: 8, temperature: 0 });
  const usages = [];
  for (const content of ['Reply to: are you coming on Sunday?', 'How would you react to: the ferry is cancelled.']) {
    const reply = await callHost<{ usage: { promptTokens: number; prefilledTokens: number } }>(doppel, 'host.complete', task(content));
    if (!reply.ok) throw new Error(reply.error.message);
    usages.push(reply.value.usage);
  }
  console.log('prefix reuse (CPU engine, cache_prompt): prompt tokens vs tokens actually prefilled');
  console.table({ 'first task': usages[0], 'second task': usages[1] });
});
