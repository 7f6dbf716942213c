import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, test } from 'vitest';
import type { ChatMessage } from '../src/core/engine/port';
import type { WritingRecord } from '../src/core/model/records';
import type { PersonaDoc } from '../src/core/persona/types';
import { buildDraftReplyPrompt } from '../src/core/prompting/draft-reply';
import { writingEvidence } from '../src/core/tasks/evidence';
import { launchDoppel, REPO, type Doppel } from '../tests/e2e/harness';
import { callHost } from '../tests/e2e/helpers';
import { assertSmolLM2, RUN_SMOLLM2, smollm2Label } from '../tests/real-model';

// Doppel's CPU engine (wllama in the offscreen document, through the extension's messaging and
// ports) against native llama.cpp (node-llama-cpp's prebuilt CPU binary) on the same GGUF file,
// prompts and thread count, alternating, several rounds. Ratios come from one run on one machine.
const ROUNDS = Number(process.env.DOPPEL_BENCH_ROUNDS ?? 1);
const THREADS = [1, 2];
const DECODE_TOKENS = 64;
const CONTEXT = 2048;

const fixture = JSON.parse(readFileSync(join(REPO, 'tests/fixtures/fidelity-export.json'), 'utf8')) as { writings: WritingRecord[]; personas: PersonaDoc[] };
const pages = join(REPO, '../shared/fixtures/pages');

/** A real page's text (the shared readability corpus) as the thing being replied to. */
const pageText = (index: number): string => {
  const files = readdirSync(pages, { recursive: true }).map(String).filter((f) => f.endsWith('expected.html')).sort();
  const raw = readFileSync(join(pages, files[index % files.length]!), 'utf8');
  return raw.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
};

/**
 * A draft with a full persona prompt: the persona, the user's past writings (the shared prefix)
 * and the text replied to (last). `round` changes the past writings so each cold prompt is new.
 */
const personaPrompt = (round: number, replyTo: string): ChatMessage[] =>
  buildDraftReplyPrompt({
    context: replyTo,
    site: 'birdforum.test',
    persona: fixture.personas[0]!,
    pastWritings: fixture.writings.slice(round * 5, round * 5 + 5).map(writingEvidence),
  }).messages;
const DECODE_PROMPT: ChatMessage[] = [{ role: 'user', content: 'Write a long story about a lighthouse keeper and her dog.' }];

/** SmolLM2's own chat template (ChatML), for the native side. */
const chatml = (messages: ChatMessage[]) => `${messages.map((m) => `<|im_start|>${m.role}\n${m.content}<|im_end|>\n`).join('')}<|im_start|>assistant\n`;

interface Row {
  threads: number;
  decode: number;
  prefill: number;
  coldMs: number;
  reusedMs: number;
  promptTokens: number;
  reusedPrefilled: number;
}

let doppel: Doppel;
let modelId: string;
beforeAll(async () => {
  if (!RUN_SMOLLM2) return;
  doppel = await launchDoppel();
  const options = await doppel.page('options/index.html#model');
  await options.getByTestId('add-model-file').setInputFiles(assertSmolLM2());
  await options.locator('[data-testid=engine-summary][data-engine=wllama]').getByText('SmolLM2').waitFor({ timeout: 120_000 });
  const status = await callHost<{ model: { id: string } }>(doppel, 'host.status', {});
  if (!status.ok) throw new Error(status.error.message);
  modelId = status.value.model.id;
  await options.close();
});
afterAll(async () => {
  await doppel?.close();
});

/** VmHWM of the extension's renderer processes (the offscreen engine host and its worker live there). */
const extensionPeakMB = (profile: string): number => {
  let peak = 0;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes(`--user-data-dir=${profile}`) || !cmd.includes('--extension-process')) continue;
      const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
      peak = Math.max(peak, kb / 1024);
    } catch {
      // The process ended while we looked.
    }
  }
  return peak;
};

// The median; with an even count, the mean of the middle two.
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

test.skipIf(!RUN_SMOLLM2)(`speed: Doppel's CPU engine against native llama.cpp, ${smollm2Label}`, { timeout: 3_600_000 }, async () => {
  const model = assertSmolLM2();
  let jobs = 0;

  /** Time to first token as a panel sees it: a job streamed over a port from the engine host. */
  const streamedFirstToken = async (messages: ChatMessage[]) => {
    const id = `speed-${jobs++}`;
    await doppel.inWorker(
      ({ id, messages }) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('doppel');
          open.onsuccess = () => {
            const tx = open.result.transaction('jobs', 'readwrite');
            tx.objectStore('jobs').put({ id, kind: 'draft', status: 'queued', createdAt: 0, updatedAt: 0, title: 'bench', messages, maxTokens: 4, temperature: 0, output: '', tokens: 0 });
            tx.oncomplete = () => (open.result.close(), resolve());
            tx.onerror = () => reject(tx.error);
          };
        }),
      { id, messages },
    );
    const panel = await doppel.page('popup/index.html');
    const result = await panel.evaluate(
      (jobId) =>
        new Promise<{ ms: number; usage: { promptTokens: number; prefilledTokens: number; prefillTokensPerSecond?: number } }>((resolve, reject) => {
          const port = chrome.runtime.connect({ name: 'doppel:generate' });
          let first = 0;
          const started = performance.now();
          port.onMessage.addListener((message: { type: string; message?: string; job?: { usage: never } }) => {
            if (message.type === 'token' && !first) first = performance.now();
            if (message.type === 'done') resolve({ ms: (first || performance.now()) - started, usage: message.job!.usage });
            if (message.type === 'error') reject(new Error(message.message));
          });
          port.postMessage({ type: 'start', jobId });
        }),
      id,
    );
    await panel.close();
    return result;
  };

  const doppelRound = async (threads: number, round: number): Promise<Row> => {
    console.log(`Doppel: loading with ${threads} thread(s)…`);
    const loaded = await callHost<{ threads?: number }>(doppel, 'host.loadModel', { modelId, threads });
    if (!loaded.ok) throw new Error(loaded.error.message);
    if (loaded.value.threads !== threads) throw new Error(`The CPU engine runs ${loaded.value.threads} threads, not ${threads}.`);
    // The decode run also leaves an unrelated prompt in the KV cache, so the next persona prompt is cold.
    const decode = await callHost<{ usage: { decodeTokensPerSecond: number; completionTokens: number } }>(doppel, 'host.complete', { messages: DECODE_PROMPT, maxTokens: DECODE_TOKENS, temperature: 0 });
    if (!decode.ok) throw new Error(decode.error.message);
    console.log(`Doppel ${threads}t: decode ${decode.value.usage.decodeTokensPerSecond.toFixed(1)} tok/s`);
    const cold = await streamedFirstToken(personaPrompt(round, pageText(round)));
    console.log(`Doppel ${threads}t: cold first token ${cold.ms.toFixed(0)} ms, ${cold.usage.promptTokens} prompt tokens, prefill ${cold.usage.prefillTokensPerSecond?.toFixed(1)} tok/s`);
    const reused = await streamedFirstToken(personaPrompt(round, pageText(round + 50)));
    console.log(`Doppel ${threads}t: reused first token ${reused.ms.toFixed(0)} ms, ${reused.usage.prefilledTokens} of ${reused.usage.promptTokens} prefilled`);
    return {
      threads,
      decode: decode.value.usage.decodeTokensPerSecond,
      prefill: cold.usage.prefillTokensPerSecond ?? 0,
      coldMs: cold.ms,
      reusedMs: reused.ms,
      promptTokens: cold.usage.promptTokens,
      reusedPrefilled: reused.usage.prefilledTokens,
    };
  };

  const nativePeaks: number[] = [];
  const nativeRound = (threads: number, round: number): Row => {
    const input = {
      model,
      threads,
      contextSize: CONTEXT,
      decodeTokens: DECODE_TOKENS,
      chatml: { prefill: chatml(personaPrompt(round, pageText(round))), cold: chatml(personaPrompt(round, pageText(round))), reused: chatml(personaPrompt(round, pageText(round + 50))), decode: chatml(DECODE_PROMPT) },
    };
    console.log(`native ${threads}t: running…`);
    const out = JSON.parse(execFileSync(process.execPath, [join(REPO, 'bench/native-llama.mjs'), JSON.stringify(input)], { encoding: 'utf8', cwd: REPO, env: { ...process.env, NODE_LLAMA_CPP_SKIP_DOWNLOAD: 'true' } }));
    nativePeaks.push(out.peakMB);
    return { threads, decode: out.decodeTokensPerSecond, prefill: out.prefillTokensPerSecond, coldMs: out.coldMs, reusedMs: out.reusedMs, promptTokens: out.promptTokens, reusedPrefilled: out.reusedPrefilled };
  };

  const runs: { doppel: Row[]; native: Row[] } = { doppel: [], native: [] };
  for (let round = 0; round < ROUNDS; round++) {
    for (const threads of THREADS) {
      runs.doppel.push(await doppelRound(threads, round));
      runs.native.push(nativeRound(threads, round));
      const [d, n] = [runs.doppel.at(-1)!, runs.native.at(-1)!];
      console.log(`round ${round + 1}/${ROUNDS}, ${threads} thread(s): decode ${d.decode.toFixed(1)} vs ${n.decode.toFixed(1)} tok/s, prefill ${d.prefill.toFixed(0)} vs ${n.prefill.toFixed(0)} tok/s, TTFT cold ${d.coldMs.toFixed(0)} vs ${n.coldMs.toFixed(0)} ms, reused ${d.reusedMs.toFixed(0)} vs ${n.reusedMs.toFixed(0)} ms`);
    }
  }

  const med = (rows: Row[], threads: number, key: keyof Row) => median(rows.filter((r) => r.threads === threads).map((r) => r[key]));
  const table: Record<string, Record<string, string>> = {};
  for (const threads of THREADS) {
    for (const [name, rows] of [['Doppel (wllama, offscreen)', runs.doppel], ['native llama.cpp', runs.native]] as const) {
      table[`${name}, ${threads} thread${threads > 1 ? 's' : ''}`] = {
        'decode tok/s': med(rows, threads, 'decode').toFixed(1),
        'prefill tok/s': med(rows, threads, 'prefill').toFixed(1),
        'TTFT cold ms': med(rows, threads, 'coldMs').toFixed(0),
        'TTFT reused ms': med(rows, threads, 'reusedMs').toFixed(0),
        'prompt tokens (reused: prefilled)': `${med(rows, threads, 'promptTokens')} (${med(rows, threads, 'reusedPrefilled')})`,
      };
    }
    const ratio = (key: keyof Row) => (med(runs.doppel, threads, key) / med(runs.native, threads, key)).toFixed(2);
    table[`Doppel / native, ${threads} thread${threads > 1 ? 's' : ''}`] = {
      'decode tok/s': ratio('decode'),
      'prefill tok/s': ratio('prefill'),
      'TTFT cold ms': ratio('coldMs'),
      'TTFT reused ms': ratio('reusedMs'),
      'prompt tokens (reused: prefilled)': '',
    };
  }
  console.log(`speed, SmolLM2-135M-Instruct Q4_1, n_ctx ${CONTEXT}, decode ${DECODE_TOKENS} tokens, median of ${ROUNDS} alternating rounds, load average ${readFileSync('/proc/loadavg', 'utf8').split(' ')[0]}`);
  console.table(table);
  console.log(`per round (threads: Doppel decode / native decode): ${runs.doppel.map((r, i) => `${r.threads}: ${r.decode.toFixed(1)}/${runs.native[i]!.decode.toFixed(1)}`).join(', ')}`);
  console.log(`peak memory: Doppel's extension renderer (engine host) ${extensionPeakMB(doppel.profile).toFixed(0)} MB VmHWM; native llama.cpp process ${Math.max(...nativePeaks).toFixed(0)} MB VmHWM`);
});
