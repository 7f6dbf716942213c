import { describe, expect, it } from 'vitest';
import { parseModelJson } from './parse-json';

describe('parseModelJson', () => {
  it('parses clean JSON', () => expect(parseModelJson('{"a":1}')).toEqual({ a: 1 }));
  it('finds JSON inside prose and code fences', () => expect(parseModelJson('Sure! ```json\n{"text": "hi {there}"}\n``` done')).toEqual({ text: 'hi {there}' }));
  it('repairs trailing commas', () => expect(parseModelJson('{"items": [1, 2,],}')).toEqual({ items: [1, 2] }));
  it('skips a broken object and takes the next whole one', () => expect(parseModelJson('{"a": oops} then {"b": 2}')).toEqual({ b: 2 }));
  it('gives undefined for truncated or non-JSON output', () => {
    expect(parseModelJson('{"text": "cut off')).toBeUndefined();
    expect(parseModelJson('Once upon a time there was a little dog.')).toBeUndefined();
  });
});
