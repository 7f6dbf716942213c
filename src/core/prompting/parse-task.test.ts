import { describe, expect, test } from 'vitest';
import { DONT_KNOW } from './interview';
import { extractJsonObject, type ParseErrorCode } from './parse-json';
import { cleanDraft, parseInterview, parseReaction } from './parse-task';

const ids = new Set(['p1', 'w2']);

/** Malformed outputs small models really produce, with the typed error each must give. */
const MALFORMED: [string, string, ParseErrorCode][] = [
  ['empty', '', 'empty'],
  ['whitespace', '  \n\t ', 'empty'],
  ['empty code fence', '```json\n```', 'empty'],
  ['prose only', 'I think I would skim it and move on.', 'no_json'],
  ['truncated object', '{"thought": "Nice boats", "comment": "I wou', 'truncated'],
  ['truncated after key', '{"thought":', 'truncated'],
  ['truncated in fence', '```json\n{"thought": "x", "comment": "y", "evidence": ["p1"', 'truncated'],
  ['single quotes', "{'thought': 'x', 'comment': 'y'}", 'invalid_json'],
  ['trailing comma', '{"thought": "x", "comment": "y",}', 'invalid_json'],
  ['wrong keys', '{"reaction": "skim", "reply": "meh"}', 'wrong_shape'],
  ['wrong types', '{"thought": 3, "comment": ["a"]}', 'wrong_shape'],
  ['both empty', '{"thought": "", "comment": "  ", "evidence": []}', 'empty'],
];

describe('parseReaction survives malformed output with typed errors', () => {
  test.each(MALFORMED)('%s', (_name, output, code) => {
    const parsed = parseReaction(output, ids);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error.code).toBe(code);
      expect(parsed.error.message.length).toBeGreaterThan(10);
    }
  });

  test.each([
    ['bare', '{"thought":"Looks useful","comment":"Saving this.","evidence":["p1"]}'],
    ['prose around', 'Sure! Here is the JSON:\n{"thought":"Looks useful","comment":"Saving this.","evidence":["p1"]}\nHope that helps.'],
    ['code fence', '```json\n{"thought":"Looks useful","comment":"Saving this.","evidence":["p1"]}\n```'],
    ['braces inside strings', '{"thought":"Looks useful","comment":"Saving this.","evidence":["p1"], "x": "} {"}'],
  ])('reads valid JSON: %s', (_name, output) => {
    const parsed = parseReaction(output, ids);
    expect(parsed).toEqual({ ok: true, value: { thought: 'Looks useful', comment: 'Saving this.', cited: ['p1'] } });
  });

  test('drops cited ids the prompt never contained, and bracketed or repeated ids resolve once', () => {
    const parsed = parseReaction('{"thought":"a","comment":"b","evidence":["[w2]","w2","invented-id",7]}', ids);
    expect(parsed.ok && parsed.value.cited).toEqual(['w2']);
  });
});

describe('parseInterview enforces the guard', () => {
  test.each(MALFORMED.filter(([name]) => name !== 'both empty' && name !== 'wrong types'))('%s is a typed error', (_name, output, code) => {
    const parsed = parseInterview(output, ids);
    expect(!parsed.ok && parsed.error.code).toBe(code);
  });

  test('an answer with resolvable evidence is kept', () => {
    const parsed = parseInterview('{"known":true,"answer":"I sail dinghies.","evidence":["w2"]}', ids);
    expect(parsed).toEqual({ ok: true, value: { known: true, answer: 'I sail dinghies.', cited: ['w2'] } });
  });

  test.each([
    ['no evidence', '{"known":true,"answer":"I was born in Paris.","evidence":[]}'],
    ['invented evidence', '{"known":true,"answer":"I was born in Paris.","evidence":["x9"]}'],
    ['model says unknown', '{"known":false,"answer":"Probably Paris.","evidence":["w2"]}'],
  ])('%s becomes "I don\'t know"', (_name, output) => {
    expect(parseInterview(output, ids)).toEqual({ ok: true, value: { known: false, answer: DONT_KNOW, cited: [] } });
  });
});

test('extractJsonObject takes the first object, even one wrapped in an array', () => {
  expect(extractJsonObject('[{"a":1}]')).toEqual({ ok: true, value: { a: 1 } });
  expect(extractJsonObject(String.raw`{"a": "\"}"}`)).toEqual({ ok: true, value: { a: '"}' } });
});

test('cleanDraft drops preambles and wrapping quotes', () => {
  expect(cleanDraft('Reply: "Great post, thanks!"')).toBe('Great post, thanks!');
  expect(cleanDraft("Here's my reply:\nSounds good.")).toBe('Sounds good.');
  expect(cleanDraft('  plain  ')).toBe('plain');
  expect(cleanDraft('The writer (persona and measured style) wrote the following response on a web page:\n"I sail every evening."')).toBe('I sail every evening.');
  expect(cleanDraft('Sail: the best part of my week.')).toBe('Sail: the best part of my week.');
});
