import { describe, expect, it } from 'vitest';
import { maskText } from './char-model';
import { FUNCTION_WORD_SET } from './lexicon';

/** The rule without the per-word cache, as it was before the cache. */
const reference = (text: string, keep: ReadonlySet<string>) =>
  text.replace(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu, (word) => (keep.has(word.toLowerCase().replace(/’/g, "'")) ? word : word.replace(/\p{Lu}/gu, 'A').replace(/\p{L}/gu, '*').replace(/\p{N}/gu, '#')));

describe('maskText', () => {
  it('masks as the uncached rule does, on every call', () => {
    const texts = ['Yes, the Senate is 42 times ÉCOLE’s… I don’t, do you? the', 'Senate senate SENATE 7th', ''];
    for (let i = 0; i < 3; i++) for (const text of texts) expect(maskText(text, FUNCTION_WORD_SET)).toBe(reference(text, FUNCTION_WORD_SET));
    expect(maskText(texts[0]!, FUNCTION_WORD_SET)).toMatch(/^\*\*\*, the \*\*\*\*\*\* is ## /);
  });

  it('keeps what each set keeps, however often the same words were masked with another set', () => {
    expect(maskText('Senate the', FUNCTION_WORD_SET)).toBe('****** the');
    expect(maskText('Senate the', new Set(['senate']))).toBe('Senate ***');
    expect(maskText('Senate the', FUNCTION_WORD_SET)).toBe('****** the');
  });
});
