import { describe, expect, it } from 'vitest';
import { MAX_PAGE_BYTES, MAX_REPLY_TO_CHARS, MAX_WRITING_CHARS } from '../capture/limits';
import { isoToEpoch } from './fields';
import { parseRecord } from './parse-record';
import type { RecordKind } from './records';

const valid = {
  pages: { id: 'p1', url: 'https://a.example/x', site: 'a.example', title: 'T', text: 'body', contentHash: '0123456789abcdef', firstVisit: 1, lastVisit: 2, visitCount: 1, dwellMs: 0, maxScroll: 0.5 },
  writings: { id: 'w1', url: 'https://a.example/x', site: 'a.example', text: 'hello there', source: 'form', createdAt: 1_700_000_000_000 },
  reactions: { id: 'r1', url: 'https://a.example/x', site: 'a.example', kind: 'scroll', value: 0.4, at: 1_700_000_000_000 },
  personas: { id: 'x', version: 1, createdAt: 5, style: { samples: 0, words: 0, meanSentenceWords: 0, meanWordLength: 0, functionWords: {}, charNgrams: {} }, claims: [], interests: [], topSites: [], rhythm: [] },
} as const;

const bad = <K extends RecordKind>(kind: K, patch: Record<string, unknown>) => parseRecord(kind, { ...valid[kind], ...patch }, 7);

describe('parseRecord', () => {
  it('accepts each valid record unchanged', () => {
    for (const kind of Object.keys(valid) as RecordKind[]) expect(parseRecord(kind, valid[kind], 0)).toEqual({ ok: true, value: valid[kind] });
  });

  // Every field, every wrong type: one sentence naming the record's kind, index and the field.
  const cases: [RecordKind, string, unknown, string][] = [
    ['writings', 'text', null, 'Writing 7 (writings[7]): "text" must be text, but it is null.'],
    ['writings', 'text', 42, '"text" must be text, but it is the number 42.'],
    ['writings', 'id', '', '"id" must be a non-empty text id, but it is the text "".'],
    ['writings', 'id', 3, '"id" must be a non-empty text id, but it is the number 3.'],
    ['writings', 'url', false, '"url" must be text, but it is false.'],
    ['writings', 'site', [], '"site" must be text, but it is a list.'],
    ['writings', 'replyTo', {}, '"replyTo" must be text, but it is an object.'],
    ['writings', 'source', 'email', '"source" must be one of form, contenteditable, handed, feedback, but it is the text "email".'],
    ['writings', 'createdAt', 'yesterday', '"createdAt" must be a date: epoch milliseconds, or an ISO 8601 string such as "2024-05-01T12:00:00Z", but it is the text "yesterday".'],
    ['writings', 'createdAt', null, '"createdAt" must be a date'],
    ['writings', 'createdAt', undefined, '"createdAt" must be a date'],
    ['writings', 'createdAt', Number.NaN, '"createdAt" must be a date'],
    ['writings', 'createdAt', '2024-02-31', '"createdAt" must be a date'],
    ['writings', 'demo', 'yes', '"demo" must be true or false, but it is the text "yes".'],
    ['pages', 'url', null, 'Page 7 (pages[7]): "url" must be text, but it is null.'],
    ['pages', 'title', 1, '"title" must be text'],
    ['pages', 'text', null, '"text" must be text, but it is null.'],
    ['pages', 'lang', 5, '"lang" must be text'],
    ['pages', 'contentHash', 5, '"contentHash" must be text'],
    ['pages', 'firstVisit', 'soon', '"firstVisit" must be a date'],
    ['pages', 'lastVisit', true, '"lastVisit" must be a date'],
    ['pages', 'visitCount', '3', '"visitCount" must be a number, but it is the text "3".'],
    ['pages', 'dwellMs', Infinity, '"dwellMs" must be a number'],
    ['pages', 'maxScroll', null, '"maxScroll" must be a number'],
    ['reactions', 'kind', 'love', 'Reaction 7 (reactions[7]): "kind" must be one of long-read, bounce, scroll, bookmark, reply, copy, like, upvote, share, but it is the text "love".'],
    ['reactions', 'value', 'deep', '"value" must be a number'],
    ['reactions', 'at', null, '"at" must be a date'],
    ['reactions', 'pageId', 9, '"pageId" must be text'],
    ['personas', 'version', 'one', 'Persona 7 (personas[7]): "version" must be a number'],
    ['personas', 'style', null, '"style" must be an object, but it is null.'],
    ['personas', 'claims', {}, '"claims" must be a list'],
    ['personas', 'claims', [{ id: 'c', text: 'x', evidence: 'w1' }], '"claims[0].evidence" must be a list'],
    ['personas', 'rhythm', [1, 'x'], '"rhythm[1]" must be a number'],
    ['personas', 'style', { functionWords: { the: 'a lot' } }, '"style.functionWords.the" must be a number'],
    ['personas', 'style', { charModel: 'abc' }, '"style.charModel" must be an object of numbers'],
    ['personas', 'style', { maskedModel: 7 }, '"style.maskedModel" must be an object of numbers'],
  ];
  it.each(cases)('%s.%s = %j gives its sentence', (kind, field, value, sentence) => {
    const result = bad(kind, { [field]: value });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.join(' ')).toContain(sentence);
  });

  it('names a record that is not an object', () => {
    expect(parseRecord('writings', null, 3)).toEqual({ ok: false, problems: ['Writing 3 (writings[3]) must be an object, but it is null. Fix or remove that record, then try again.'] });
    expect(parseRecord('pages', 'x', 0)).toMatchObject({ ok: false });
  });

  it('needs a visit date on a page', () => {
    const { firstVisit: _f, lastVisit: _l, ...rest } = valid.pages;
    const result = parseRecord('pages', rest, 2);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toContain('Page 2 (pages[2]): firstVisit/lastVisit: at least one must be a date');
  });

  it('converts ISO 8601 dates to epoch ms, reading a date-time without an offset as UTC', () => {
    expect(isoToEpoch('2024-05-01')).toBe(Date.UTC(2024, 4, 1));
    expect(isoToEpoch('2024-05-01T12:30:00')).toBe(Date.UTC(2024, 4, 1, 12, 30));
    expect(isoToEpoch('2024-05-01T12:30:00.250Z')).toBe(Date.UTC(2024, 4, 1, 12, 30, 0, 250));
    expect(isoToEpoch('2024-05-01T12:30:00+02:00')).toBe(Date.UTC(2024, 4, 1, 10, 30));
    expect(isoToEpoch('1890-01-02')).toBe(Date.UTC(1890, 0, 2));
    expect(isoToEpoch('May 1, 2024')).toBeNaN();
    const parsed = bad('writings', { createdAt: '2024-05-01T12:30:00Z' });
    expect(parsed).toMatchObject({ ok: true, value: { createdAt: Date.UTC(2024, 4, 1, 12, 30) } });
  });

  it('applies the capture caps: 20,000 characters of writing, 2,000 of replyTo, 50,000 bytes of page text', () => {
    const w = bad('writings', { text: 'a'.repeat(MAX_WRITING_CHARS + 5), replyTo: 'b'.repeat(MAX_REPLY_TO_CHARS + 5) });
    expect(w.ok && w.value.text.length).toBe(MAX_WRITING_CHARS);
    expect(w.ok && w.value.replyTo!.length).toBe(MAX_REPLY_TO_CHARS);
    const p = bad('pages', { text: 'é'.repeat(MAX_PAGE_BYTES) });
    expect(p.ok && new TextEncoder().encode(p.value.text).length).toBe(MAX_PAGE_BYTES);
  });

  it('fills what a hand-made export may leave out', () => {
    const result = parseRecord('writings', { id: 'w', text: 'hi', createdAt: 1, url: 'https://www.forum.example/t/1' }, 0);
    expect(result).toEqual({ ok: true, value: { id: 'w', text: 'hi', createdAt: 1, url: 'https://www.forum.example/t/1', site: 'forum.example', source: 'handed' } });
  });
});
