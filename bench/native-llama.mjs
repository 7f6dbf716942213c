// Native llama.cpp (node-llama-cpp's prebuilt CPU binary, no build, no download) on the same GGUF
// and prompts as Doppel's CPU engine; run as its own process so its peak memory is its own.
// Input: JSON on argv[2] {model, threads, contextSize, chatml: {cold, reused, decode}, decodeTokens}.
// Output: one JSON line of timings.
import { readFileSync } from 'node:fs';
import { getLlama } from 'node-llama-cpp';

const input = JSON.parse(process.argv[2]);
const llama = await getLlama({ gpu: false, build: 'never', skipDownload: true, logLevel: 'error' });
const model = await llama.loadModel({ modelPath: input.model });
const context = await model.createContext({ contextSize: input.contextSize, threads: input.threads, batchSize: 512 });
const sequence = context.getSequence();
const tokenize = (text) => model.tokenize(text, true);

/** Time to the first generated token; keeps the longest common prefix of the previous prompt (like cache_prompt). */
const firstToken = async (text) => {
  const tokens = tokenize(text);
  const started = performance.now();
  const previous = sequence.contextTokens;
  let common = 0;
  while (common < previous.length && common < tokens.length - 1 && previous[common] === tokens[common]) common++;
  if (common < previous.length) await sequence.eraseContextTokenRanges([{ start: common, end: sequence.nextTokenIndex }]);
  const iterator = sequence.evaluate(tokens.slice(common), { temperature: 0 })[Symbol.asyncIterator]();
  await iterator.next();
  const ms = performance.now() - started;
  await iterator.return?.();
  return { ms, promptTokens: tokens.length, prefilled: tokens.length - common };
};

const decode = async (text, n) => {
  await sequence.clearHistory();
  const tokens = tokenize(text);
  let count = 0;
  let first = 0;
  for await (const _ of sequence.evaluate(tokens, { temperature: 0 })) {
    if (!first) first = performance.now();
    if (++count >= n) break;
  }
  return ((count - 1) * 1000) / (performance.now() - first);
};

/** Prefill alone, as llama.cpp's own prompt timing measures it in wllama. */
const prefill = async (text) => {
  await sequence.clearHistory();
  const tokens = tokenize(text);
  const started = performance.now();
  await sequence.evaluateWithoutGeneratingNewTokens(tokens);
  return (tokens.length * 1000) / (performance.now() - started);
};

const prefillTokensPerSecond = await prefill(input.chatml.prefill);
await sequence.clearHistory();
const cold = await firstToken(input.chatml.cold);
const reused = await firstToken(input.chatml.reused);
const decodeTokensPerSecond = await decode(input.chatml.decode, input.decodeTokens);
const peakKb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0);
process.stdout.write(`${JSON.stringify({
  threads: input.threads,
  coldMs: cold.ms,
  reusedMs: reused.ms,
  promptTokens: cold.promptTokens,
  reusedPrefilled: reused.prefilled,
  prefillTokensPerSecond,
  decodeTokensPerSecond,
  peakMB: peakKb / 1024,
})}\n`);
await context.dispose();
await model.dispose();
