import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { seeded, type Rng } from '../../tests/seeded';
import { ok, type Result } from '../core/result';
import { backgroundSchemas } from './background-schemas';
import { engineHostSchemas } from './methods/host';
import { CONTENT_SCRIPT_METHODS, type BackgroundMethods, type EngineHostMethods, type Handlers, type Params } from './protocol';
import { createRouter, describeSender, type RawSender } from './router';
import type { MethodSchemas } from './schemas';

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXT}/`;
const identify = (sender: RawSender) => describeSender(sender, EXT, ORIGIN);

type Samples<M> = { [K in keyof M & string]: Params<M, K> };

// One valid payload per method (the type makes the list complete); the fuzz mutates these.
const BACKGROUND: Samples<BackgroundMethods> = {
  'capture.page': { url: 'https://news.example/a', title: 'A title', text: 'Some words of an article.', lang: 'en' },
  'capture.check': {},
  'capture.visit': { dwellDeltaMs: 1000, visitDwellMs: 5000, maxScroll: 0.5, final: false },
  'capture.writing': { text: 'my reply', source: 'form', adapter: 'generic', replyTo: 'their post' },
  'capture.reaction': { kind: 'copy', value: 2 },
  'capture.timing': { ms: 3 },
  'capture.handed': { text: 'mine' },
  'capture.pause': { minutes: 30 },
  'capture.seedHistory': { maxResults: 10 },
  'pages.list': { limit: 5 },
  'pages.forTab': { tabId: 3 },
  'pages.window': { offset: 0, limit: 50 },
  'data.list': { store: 'pages' },
  'data.delete': { store: 'writings', ids: ['w1'] },
  'data.exportChunk': { kind: 'writings', after: 'w1', limit: 100 },
  'data.exportSettings': {},
  'data.importStatus': { key: 'export.json:10:1' },
  'data.importBatch': { key: 'export.json:10:1', from: 0, items: [{ kind: 'writings', value: { id: 'w1' }, index: 0 }] },
  'data.importFinish': { key: 'export.json:10:1', settings: {} },
  'data.deleteAll': {},
  'data.usage': {},
  'demo.load': {},
  'demo.remove': {},
  'demo.status': {},
  'engine.status': {},
  'engine.modelAdded': { modelId: 'm1' },
  'engine.loadGpuModel': { modelId: 'SmolLM2-135M-Instruct-q0f16-MLC' },
  'engine.download.probe': { url: 'http://127.0.0.1:1/m.gguf' },
  'engine.download.start': { url: 'http://127.0.0.1:1/m.gguf', name: 'm.gguf' },
  'engine.download.cancel': { url: 'http://127.0.0.1:1/m.gguf' },
  'engine.download.list': {},
  'fidelity.latest': {},
  'fidelity.run': {},
  'jobs.create': { kind: 'survey', tabId: 2, survey: { question: 'Q?', scale: { kind: 'likert', labels: ['a', 'b'] } } },
  'jobs.get': { jobId: 'j1' },
  'persona.get': {},
  'persona.rebuild': {},
  'persona.editClaim': { claimId: 'c1', action: 'pin', pinned: true },
  'persona.evidence': { ids: ['p1'] },
  'persona.forgetRecord': { recordId: 'p1' },
  'persona.styleMatch': { text: 'hello' },
  'jobs.recent': { kind: 'draft', limit: 3 },
  'tasks.insert': { jobId: 'j1', text: 'draft' },
  'tasks.feedback': { jobId: 'j1', text: 'sent' },
  'reactions.record': { jobId: 'j1', kind: 'like' },
};

const HOST: Samples<EngineHostMethods> = {
  'host.status': {},
  'host.loadModel': { modelId: 'm1' },
  'host.extract': { html: '<p>hi</p>', maxChars: 1000 },
  'host.loadGpuModel': { modelId: 'x', custom: { modelUrl: 'http://127.0.0.1:1/w/', modelLibUrl: 'http://127.0.0.1:1/l.wasm' } },
  'host.complete': { messages: [{ role: 'user', content: 'hi' }], maxTokens: 8, temperature: 0.2, jsonSchema: { type: 'object' } },
  'host.score': { messages: [{ role: 'user', content: 'hi' }], options: ['1', '2'] },
  'host.download.probe': { url: 'http://127.0.0.1:1/m.gguf' },
  'host.download.start': { url: 'http://127.0.0.1:1/m.gguf', name: 'm' },
  'host.download.cancel': { url: 'http://127.0.0.1:1/m.gguf' },
  'host.download.list': {},
  'host.fidelity.run': {},
  'host.personaRebuild': {},
};

/** Handlers that only record what reached them, with the sender they saw. */
const recording = <M>(schemas: MethodSchemas<M>) => {
  const calls: { method: string; params: unknown; trusted: boolean }[] = [];
  const handlers = Object.fromEntries(
    Object.keys(schemas).map((method) => [method, async (params: unknown, sender: { trusted: boolean }) => (calls.push({ method, params, trusted: sender.trusted }), ok(null))]),
  ) as unknown as Handlers<M>;
  return { calls, handlers };
};

const SPECIAL_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'then', 'trusted', 'sender'];
const STRANGE_VALUES: unknown[] = [null, undefined, 0, -1, 1e308, -0, NaN, Infinity, '', 'x'.repeat(20_000), true, [], {}, [[[[]]]], '<|im_start|>system', { __proto__: { admin: true } }];

const randomValue = (rng: Rng, depth = 0): unknown => {
  switch (rng.int(depth > 2 ? 5 : 7)) {
    case 0: return rng.pick(STRANGE_VALUES);
    case 1: return rng.next() * 10 ** rng.int(12) * (rng.chance(0.5) ? -1 : 1);
    case 2: return String.fromCharCode(...Array.from({ length: rng.int(40) }, () => rng.int(0xffff)));
    case 3: return rng.chance(0.5);
    case 4: return rng.int(2 ** 31);
    case 5: return Array.from({ length: rng.int(5) }, () => randomValue(rng, depth + 1));
    default: return Object.fromEntries(Array.from({ length: rng.int(5) }, () => [rng.chance(0.3) ? rng.pick(SPECIAL_KEYS) : `k${rng.int(20)}`, randomValue(rng, depth + 1)]));
  }
};

/** A valid payload with one or more of its fields dropped, retyped, or joined by strange ones. */
const mutate = (rng: Rng, sample: unknown): unknown => {
  if (rng.chance(0.1)) return randomValue(rng);
  const copy: Record<string, unknown> = { ...(sample as Record<string, unknown>) };
  const keys = Object.keys(copy);
  for (let n = 1 + rng.int(3); n > 0; n--) {
    const roll = rng.int(4);
    const key = keys.length ? rng.pick(keys) : 'x';
    if (roll === 0) delete copy[key];
    else if (roll === 1) copy[key] = randomValue(rng);
    else if (roll === 2) Object.defineProperty(copy, rng.pick(SPECIAL_KEYS), { value: randomValue(rng), enumerable: true, configurable: true, writable: true });
    else copy[key] = rng.pick(STRANGE_VALUES);
  }
  return copy;
};

const CONTENT = { id: EXT, url: 'https://evil.example/post', tab: { id: 7 }, frameId: 0 };
const PAGE = { id: EXT, url: `${ORIGIN}options/index.html`, tab: { id: 8 }, frameId: 0 };
const OTHER_EXTENSION = { id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', url: `${ORIGIN}options/index.html` };
const NO_ID = { url: `${ORIGIN}options/index.html` };

const fuzz = async <M>(name: 'background' | 'engine-host', schemas: MethodSchemas<M>, samples: Samples<M>, seed: number, cases: number) => {
  const rng = seeded(seed);
  const { calls, handlers } = recording(schemas);
  const router = createRouter<M>(name, handlers, schemas, identify);
  const methods = Object.keys(samples);
  const table = schemas as Record<string, v.GenericSchema>;
  let crashes = 0;
  let unauthorised = 0;
  let invalidReached = 0;
  let answered = 0;
  for (let i = 0; i < cases; i++) {
    const sender = rng.pick([CONTENT, CONTENT, CONTENT, PAGE, OTHER_EXTENSION, NO_ID]) as RawSender;
    const method = rng.chance(0.9) ? rng.pick(methods) : rng.pick([...SPECIAL_KEYS, 'capture.Page', 'data.list ', '', 'x'.repeat(500)]);
    const sample = (samples as Record<string, unknown>)[method] ?? {};
    const params = rng.chance(0.15) ? sample : mutate(rng, sample);
    const message = rng.chance(0.05) ? randomValue(rng) : { method, params, to: rng.chance(0.95) ? name : rng.pick(['background', 'engine-host', 'content', '']) };
    const before = calls.length;
    try {
      const reply = router(message, sender);
      if (reply !== undefined) {
        const result: Result<unknown> = await reply;
        if (typeof result !== 'object' || result === null || typeof result.ok !== 'boolean') crashes++;
        if (!result.ok && (typeof result.error?.message !== 'string' || result.error.message.length < 10)) crashes++;
        answered++;
      }
    } catch {
      crashes++;
    }
    for (const call of calls.slice(before)) {
      if (!call.trusted && !CONTENT_SCRIPT_METHODS.has(call.method)) unauthorised++;
      if (sender !== PAGE && !CONTENT_SCRIPT_METHODS.has(call.method)) unauthorised++;
      if (!v.is(table[call.method]!, call.params)) invalidReached++;
    }
  }
  return { cases, crashes, unauthorised, invalidReached, answered, handled: calls.length };
};

describe('router fuzz (seeded)', () => {
  test('background and engine host: thousands of random and mutated payloads, 0 crashes, 0 unauthorised actions', async () => {
    const background = await fuzz('background', backgroundSchemas, BACKGROUND, 0x5eed, 6000);
    const host = await fuzz('engine-host', engineHostSchemas, HOST, 0xbeef, 2000);
    const total = { cases: background.cases + host.cases, crashes: background.crashes + host.crashes, unauthorised: background.unauthorised + host.unauthorised };
    console.log(
      `router fuzz: ${total.cases} cases run, crashes ${total.crashes}, unauthorised actions ${total.unauthorised}` +
        ` (handled ${background.handled + host.handled}, invalid payloads reaching a handler ${background.invalidReached + host.invalidReached})`,
    );
    expect(total.crashes).toBe(0);
    expect(total.unauthorised).toBe(0);
    expect(background.invalidReached + host.invalidReached).toBe(0);
    // The fuzz must reach handlers at all, or it proves nothing.
    expect(background.handled).toBeGreaterThan(200);
    expect(host.handled).toBeGreaterThan(20);
  }, 60_000);

  test('every sample is valid, so the fuzz starts from real payloads', () => {
    for (const [method, sample] of Object.entries(BACKGROUND)) expect(v.is((backgroundSchemas as Record<string, v.GenericSchema>)[method]!, sample), method).toBe(true);
    for (const [method, sample] of Object.entries(HOST)) expect(v.is((engineHostSchemas as Record<string, v.GenericSchema>)[method]!, sample), method).toBe(true);
  });
});
