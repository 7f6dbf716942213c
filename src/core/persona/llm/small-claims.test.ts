import { describe, expect, it } from 'vitest';
import { faithfulShare, saysSomeoneElse, smallClaimOf, smallClaimRequest } from './small-claims';
import type { SourceRecord } from './sources';

const record = (text: string): SourceRecord => ({ id: 'w', kind: 'writing', site: 'club.example', at: 0, text });
const DINGHY = record('Took the dinghy out on the lake again this evening. The wind dropped at six and I drifted home, which I honestly love.');
const FEES = record('The club raised the mooring fees again. Steep, but I will pay them; the sailing is worth it and the volunteers are great.');
const LOAF = record('Fourth sourdough loaf this month and it is still flat. I think my starter is too cold in this kitchen. Tips welcome!');

// What SmolLM2-135M-Instruct wrote for these records (native llama.cpp and Doppel's engine;
// docs/small-models.md).
describe('a small model’s sentence about one record', () => {
  it('is kept when it stays in the record’s words, with the share as its confidence', () => {
    const kept = smallClaimOf('The user took the dinghy out on the lake again this evening and drifted home, which they truly love.', DINGHY);
    expect(kept?.text).toBe('The user took the dinghy out on the lake again this evening and drifted home, which they truly love.');
    expect(kept!.share).toBeGreaterThanOrEqual(0.8);
  });

  it('keeps only the first sentence of a rambling answer', () => {
    const kept = smallClaimOf('The user took the dinghy out on the lake again this evening and took a break to drift home.\n\nThe user wrote:\n"I love the way the wind can make you feel alive."', DINGHY);
    expect(kept?.text).toBe('The user took the dinghy out on the lake again this evening and took a break to drift home.');
  });

  it('drops what the record does not say', () => {
    expect(smallClaimOf('The user has a clear goal of raising the mooring fees again, which is a positive and admirable act.', FEES)).toBeNull();
    expect(smallClaimOf('The user has a fresh loaf of bread and is eager to share it with others.', LOAF)).toBeNull();
    expect(smallClaimOf('The user is writing a story about a person who is going to a party.', DINGHY)).toBeNull();
  });

  it('keeps the leading clauses that the record says, without the gloss after them', () => {
    // What SmolLM2 wrote for these records when its weights were stored as Q8_0 (docs/engine.md).
    expect(smallClaimOf('The user took the dinghy out on the lake again this evening, and they took a moment to enjoy the breeze, which they truly love.', DINGHY)?.text).toBe('The user took the dinghy out on the lake again this evening.');
    expect(smallClaimOf('The user has a sourdough loaf that is still flat, and they\'ve shared a helpful tip that\'s been helpful to them.', LOAF)?.text).toBe('The user has a sourdough loaf that is still flat.');
  });

  it('drops a sentence that gives the user what someone else in the record did', () => {
    expect(smallClaimOf('The user raised the mooring fees again, and they\'re willing to pay for the sailing.', FEES)).toBeNull();
    expect(saysSomeoneElse('The user raised the mooring fees again.', FEES.text)).toBe(true);
    // What SmolLM2 wrote on Q4_1 weights, which the word check alone kept (docs/small-models.md).
    expect(smallClaimOf('The user raises the mooring fees again, but they will pay them.', FEES)).toBeNull();
    expect(saysSomeoneElse('The user took the dinghy out on the lake.', DINGHY.text)).toBe(false);
    expect(saysSomeoneElse('The user drifted home.', DINGHY.text)).toBe(false);
    expect(saysSomeoneElse('The user will pay them.', FEES.text)).toBe(false);
  });

  it('drops an answer that is not about the user, or says almost nothing', () => {
    expect(smallClaimOf('Took the dinghy out on the lake again this evening.', DINGHY)).toBeNull();
    expect(smallClaimOf('The user drifted.', DINGHY)).toBeNull();
    expect(smallClaimOf('', DINGHY)).toBeNull();
  });

  it('measures the share of the claim’s own content words found in the record', () => {
    expect(faithfulShare('The user pays the mooring fees', FEES.text)).toBe(1);
    expect(faithfulShare('The user hates water', FEES.text)).toBe(0);
  });
});

describe('the request', () => {
  it('is one worked example, then the record, cut short, with a seed from the prompt and a stop at the line end', () => {
    const long = record(`${'word '.repeat(400)}end`);
    const request = smallClaimRequest(long);
    expect(request.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(request.messages[3]!.content.length).toBeLessThan(700);
    expect(request.stop).toContain('\n');
    expect(request.seed).toBe(smallClaimRequest(long).seed);
    expect(request.seed).not.toBe(smallClaimRequest(DINGHY).seed);
    expect(request.temperature).toBe(0);
    expect(smallClaimRequest(long, 1)).toMatchObject({ temperature: 0.3, seed: request.seed! + 1 });
  });
});
