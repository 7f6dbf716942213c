import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { ok } from '../core/result';
import { createRouter, describeSender } from './router';

const EXT = 'abcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXT}/`;
const identify = (sender: Parameters<typeof describeSender>[0]) => describeSender(sender, EXT, ORIGIN);

const handlers = {
  'capture.page': async () => ok('captured'),
  'pages.list': async () => ok(['page']),
};

type Map = { 'capture.page': (p: { url: string }) => string; 'pages.list': (p: Record<string, never>) => string[] };
const schemas = { 'capture.page': v.object({ url: v.string() }), 'pages.list': v.object({}) };
const router = createRouter<Map>('background', handlers, schemas, identify);
const contentScript = { id: EXT, url: 'https://evil.example/', tab: { id: 4 } };
const optionsPage = { id: EXT, url: `${ORIGIN}options/index.html`, tab: { id: 5 } };

describe('router', () => {
  test('content scripts may capture', async () => {
    expect(await router({ method: 'capture.page', params: { url: 'https://a.example/' }, to: 'background' }, contentScript)).toEqual(ok('captured'));
  });

  test('content scripts may not call privileged methods', async () => {
    const reply = await router({ method: 'pages.list', params: {}, to: 'background' }, contentScript);
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  test("Doppel's own pages may call anything", async () => {
    expect(await router({ method: 'pages.list', params: {}, to: 'background' }, optionsPage)).toEqual(ok(['page']));
  });

  test('another extension is not trusted even with a matching-looking URL', async () => {
    const reply = await router({ method: 'pages.list', params: {}, to: 'background' }, { ...optionsPage, id: 'other' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  test('stays silent for other contexts, unknown methods and non-requests', () => {
    expect(router({ method: 'pages.list', params: {}, to: 'engine-host' }, optionsPage)).toBeUndefined();
    expect(router({ method: 'toString', params: {}, to: 'background' }, optionsPage)).toBeUndefined();
    expect(router('hello', optionsPage)).toBeUndefined();
  });

  test("the sender's incognito flag is the browser's word, passed to the handler", async () => {
    const seen: boolean[] = [];
    const probe = createRouter<{ 'capture.page': (p: Record<string, never>) => string }>('background', { 'capture.page': async (_p, sender) => (seen.push(sender.incognito === true), ok('x')) }, { 'capture.page': v.object({}) }, identify);
    await probe({ method: 'capture.page', params: {}, to: 'background' }, { ...contentScript, tab: { id: 4, incognito: true } });
    await probe({ method: 'capture.page', params: {}, to: 'background' }, contentScript);
    expect(seen).toEqual([true, false]);
  });

  test('a throwing handler becomes a typed error', async () => {
    const failing = createRouter<{ 'pages.list': (p: Record<string, never>) => string[] }>('background', { 'pages.list': async () => { throw new Error('boom'); } }, { 'pages.list': v.object({}) }, identify);
    expect(await failing({ method: 'pages.list', params: {}, to: 'background' }, optionsPage)).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  test('a payload that does not match the schema never reaches the handler', async () => {
    const seen: unknown[] = [];
    const strict = createRouter<Map>('background', { 'capture.page': async (p) => (seen.push(p), ok('captured')), 'pages.list': async () => ok([]) }, schemas, identify);
    for (const params of [undefined, null, 'x', { url: 7 }, { url: ['a'] }, {}]) {
      expect(await strict({ method: 'capture.page', params, to: 'background' }, contentScript)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    }
    expect(seen).toEqual([]);
  });

  test('keys the schema does not name are dropped before the handler sees the payload', async () => {
    const seen: unknown[] = [];
    const strict = createRouter<Map>('background', { 'capture.page': async (p) => (seen.push(p), ok('captured')), 'pages.list': async () => ok([]) }, schemas, identify);
    await strict({ method: 'capture.page', params: { url: 'https://a.example/', __proto__: { trusted: true }, extra: 1 }, to: 'background' }, contentScript);
    expect(seen).toEqual([{ url: 'https://a.example/' }]);
  });

  test('a method without a schema does not type-check', () => {
    // @ts-expect-error: 'pages.list' has a handler but no schema.
    const missing = createRouter<Map>('background', handlers, { 'capture.page': v.object({ url: v.string() }) }, identify);
    // @ts-expect-error: the schema's output must be the method's declared input.
    const wrong = createRouter<Map>('background', handlers, { 'capture.page': v.object({ url: v.number() }), 'pages.list': v.object({}) }, identify);
    expect([typeof missing, typeof wrong]).toEqual(['function', 'function']);
  });
});
