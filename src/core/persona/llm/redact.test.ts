import { describe, expect, it } from 'vitest';
import { createRedactor } from './redact';

describe('third-party name redaction', () => {
  it('replaces handles, addressed names and mid-sentence full names consistently', () => {
    const r = createRedactor();
    expect(r.redact('Hi Sam, I went hiking with Maria Lopez and @jo_dev yesterday.')).toBe('Hi PersonA, I went hiking with PersonB and PersonC yesterday.');
    expect(r.redact('thanks Sam')).toBe('thanks PersonA');
    expect(r.redactKnown('The user hikes with Maria Lopez.')).toBe('The user hikes with PersonB.');
  });
  it('leaves the start of a sentence and the user’s own words alone', () => {
    const r = createRedactor();
    expect(r.redact('The bread rose well. I think I will bake again.')).toBe('The bread rose well. I think I will bake again.');
  });
});
