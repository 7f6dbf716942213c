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

const router = createRouter<{ 'capture.page': (p: unknown) => string; 'pages.list': (p: unknown) => string[] }>('background', handlers, identify);
const contentScript = { id: EXT, url: 'https://evil.example/', tab: { id: 4 } };
const optionsPage = { id: EXT, url: `${ORIGIN}options/index.html`, tab: { id: 5 } };

describe('router', () => {
  test('content scripts may capture', async () => {
    expect(await router({ method: 'capture.page', params: {}, to: 'background' }, contentScript)).toEqual(ok('captured'));
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
    const probe = createRouter<{ 'capture.page': (p: unknown) => string }>('background', { 'capture.page': async (_p, sender) => (seen.push(sender.incognito === true), ok('x')) }, identify);
    await probe({ method: 'capture.page', params: {}, to: 'background' }, { ...contentScript, tab: { id: 4, incognito: true } });
    await probe({ method: 'capture.page', params: {}, to: 'background' }, contentScript);
    expect(seen).toEqual([true, false]);
  });

  test('a throwing handler becomes a typed error', async () => {
    const failing = createRouter<{ 'pages.list': (p: unknown) => string[] }>('background', { 'pages.list': async () => { throw new Error('boom'); } }, identify);
    expect(await failing({ method: 'pages.list', params: {}, to: 'background' }, optionsPage)).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
