import { describe, expect, it } from 'vitest';
import { buildDeterministicPersona } from './accumulator';
import { keyPhrases, lemma } from './interests';

const writing = (id: string, text: string, createdAt: number) => ({ type: 'writing' as const, record: { id, url: 'https://f.example/t', site: 'f.example', text, source: 'form' as const, createdAt } });

describe('interests', () => {
  it('merges inflections: tests/test, batteries/battery, boxes/box', () => {
    expect(['tests', 'test', 'batteries', 'boxes', 'glass', 'status'].map(lemma)).toEqual(['test', 'test', 'battery', 'box', 'glass', 'status']);
    expect(keyPhrases('', 'The tests passed. Another test failed. More tests tomorrow.', 5, 3)).toEqual(['test']);
  });

  it('weighs recency from the newest record, so a history from 1890 exported today keeps its weights', () => {
    const day = 86_400_000;
    const t0 = Date.UTC(1890, 0, 1);
    const records = [
      writing('a', 'sourdough sourdough baking', t0),
      writing('b', 'sourdough loaves, more sourdough', t0 + day),
      writing('c', 'cycling cycling trip', t0 - 400 * day),
      writing('d', 'cycling up hills, cycling down', t0 - 399 * day),
    ];
    const doc = buildDeterministicPersona(records, { id: 'p', version: 1, createdAt: Date.UTC(2026, 0, 1) });
    expect(doc.interests.map((i) => i.phrase)).toEqual(['sourdough', 'cycling']);
    expect(doc.interests[0]!.weight).toBeGreaterThan(0);
    for (const claim of doc.claims) expect(Number.isFinite(claim.confidence) && claim.confidence > 0).toBe(true);
    expect(doc.claims[0]!.confidence).toBe(1);
  });
});
