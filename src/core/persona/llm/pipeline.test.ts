import { describe, expect, it } from 'vitest';
import type { GenerateRequest } from '../../engine/port';
import type { PersonaRecord } from '../accumulator';
import { scriptedEngine } from '../fake-engine';
import { emptyCheckpoint, runLlmLayer, stepsDone, TOTAL_STEPS, type LlmCheckpoint } from './pipeline';

const day = 86_400_000;
const writing = (id: string, text: string, at: number): PersonaRecord => ({ type: 'writing', record: { id, url: `https://forum.example/${id}`, site: 'forum.example', text, source: 'form', createdAt: at } });
// Sources are numbered newest writing first: [1] w3, [2] w2, [3] w1.
const records: PersonaRecord[] = [
  writing('w1', 'My oven broke again in the middle of a bake and I lost the whole sourdough batch. Really annoying, I will fix it this weekend.', 10 * day),
  writing('w2', 'I think public libraries deserve far more funding; I borrow three books a week and the staff there are wonderful people.', 11 * day),
  writing('w3', 'Ran my first trail half marathon today with Maria Lopez. Legs are dead but I am happy and already planning the next one.', 12 * day),
  writing('short', 'ok thanks', 13 * day),
  { type: 'reaction', record: { id: 'r1', url: 'https://x.example', site: 'x.example', kind: 'like', at: 14 * day } },
];

const isJudge = (r: GenerateRequest) => JSON.stringify(r.jsonSchema ?? {}).includes('hallucination');
const task = (r: GenerateRequest) => r.messages[1]!.content;

const script = (judgeScore: (content: string) => number) => (r: GenerateRequest): string => {
  if (isJudge(r)) {
    const keys = Object.keys((r.jsonSchema as { properties: object }).properties);
    const score = judgeScore(task(r));
    return `Here you go: {${keys.map((k) => `"${k}": ${score}`).join(', ')}}`;
  }
  const t = task(r);
  if (t.includes('Write a persona')) return '```json\n{"text": "They bake sourdough, run trails with PersonA and value public libraries. A broken oven cost them a batch."}\n```';
  if (t.includes('Write a profile')) return '{"text": "Too short to be a profile."}';
  if (t.includes('Describe how the user writes')) return '{"text": "Plain, direct sentences of medium length with few exclamations.",}';
  if (t.includes('List up to 6 experiences')) return JSON.stringify({ items: [
    { source: 3, context: 'Baking at home', action: 'Lost a sourdough batch when the oven broke', thought: 'annoyed' },
    { source: 99, context: 'Invented', action: 'Never happened' },
  ] });
  if (t.includes('List up to 6 stances')) return JSON.stringify({ items: [
    { text: 'Public libraries deserve more funding', kind: 'stance', sources: [2], explicit: true },
    { text: 'Values finishing what they start', kind: 'value', sources: [] },
    { text: 'She is a devout Christian', kind: 'value', sources: [2] },
    { text: 'Thinks running is pointless', kind: 'stance', sources: [1], explicit: true },
  ] });
  return 'Once upon a time';
};

describe('LLM layer: filter → synthesize → quality-check', () => {
  it('keeps judged, grounded artefacts as claims and drops the rest', async () => {
    const engine = scriptedEngine({
      // The judge fails the running stance (hallucinated) and passes the rest.
      generate: script((content) => (content.includes('running is pointless') ? 3 : 9)),
      score: () => [0, 0, 1, 2, 1],
    });
    const saves: LlmCheckpoint[] = [];
    const result = await runLlmLayer(engine, records, { save: (c) => void saves.push(structuredClone(c)), signal: new AbortController().signal });
    const kinds = result.claims.map((c) => c.kind).sort();
    expect(kinds).toEqual(['experience', 'persona', 'stance', 'style']);
    const ids = new Set(['w1', 'w2', 'w3']);
    for (const claim of result.claims) {
      expect(claim.evidence.length).toBeGreaterThan(0);
      expect(claim.evidence.every((id) => ids.has(id))).toBe(true);
      expect(claim.text).not.toMatch(/Maria|Lopez/);
    }
    const experience = result.claims.find((c) => c.kind === 'experience')!;
    expect(experience.evidence).toEqual(['w1']);
    expect(experience.experience).toMatchObject({ site: 'forum.example', time: 10 * day, thought: 'annoyed' });
    expect(experience.origin).toBe('explicit');
    expect(result.claims.find((c) => c.kind === 'stance')).toMatchObject({ evidence: ['w2'], origin: 'explicit', confidence: 0.9 });
    expect(result.dropped.map((d) => d.kind)).toEqual(expect.arrayContaining(['profile', 'value', 'stance']));
    expect(result.dropped.some((d) => d.reason.includes('demographics'))).toBe(true);
    // The 'short' writing and the reaction never reach the model.
    expect(engine.calls.generate.every((r) => !r.messages[1]!.content.includes('ok thanks'))).toBe(true);
    // Every synthesis and judge call is schema-constrained.
    expect(engine.calls.generate.every((r) => r.jsonSchema !== undefined)).toBe(true);
    expect(result.bigFive).toHaveLength(5);
    expect(result.bigFive![0]).toMatchObject({ trait: 'E', runs: 5, evidenceCount: 3 });
    expect(stepsDone(result)).toBe(TOTAL_STEPS);
    expect(saves.length).toBeGreaterThan(250);
  });

  it('drops everything when the model writes no JSON (stories260K), and still completes', async () => {
    const engine = scriptedEngine({ generate: () => 'Once upon a time there was a little cat.' });
    const result = await runLlmLayer(engine, records, { save: () => {}, signal: new AbortController().signal });
    expect(result.claims).toEqual([]);
    expect(result.bigFive).toEqual([]);
    expect(result.done).toHaveLength(5);
  });

  it('an engine error drops the artefact instead of failing the rebuild', async () => {
    const engine = scriptedEngine({ generate: () => { throw new Error('prompt too long for the context'); } });
    const result = await runLlmLayer(engine, records, { save: () => {}, signal: new AbortController().signal });
    expect(result.claims).toEqual([]);
    expect(result.done).toHaveLength(5);
    expect(result.dropped.filter((d) => d.reason.includes('prompt too long'))).toHaveLength(5);
  });

  it('resumes from a checkpoint without redoing finished tasks', async () => {
    const engine = scriptedEngine({ generate: script(() => 9), score: () => [1, 1, 1, 1, 1] });
    const controller = new AbortController();
    let saved: LlmCheckpoint = emptyCheckpoint();
    await expect(
      runLlmLayer(engine, records, { save: (c) => { saved = structuredClone(c); if (c.done.length === 2) controller.abort(); }, signal: controller.signal }),
    ).rejects.toThrow();
    expect(saved.done).toEqual(['persona', 'profile']);
    const before = engine.calls.generate.length;
    const result = await runLlmLayer(engine, records, { checkpoint: saved, save: () => {}, signal: new AbortController().signal });
    const again = engine.calls.generate.slice(before).filter((r) => !isJudge(r)).map((r) => task(r));
    expect(again.some((t) => t.includes('Write a persona'))).toBe(false);
    expect(result.claims.filter((c) => c.kind === 'persona')).toHaveLength(1);
  });

  it('skips Big Five with fewer than 3 evidence records, and users with fewer than 3 qualifying records', async () => {
    const engine = scriptedEngine({ generate: () => '{}' });
    const result = await runLlmLayer(engine, records.slice(0, 2), { save: () => {}, signal: new AbortController().signal });
    expect(engine.calls.generate).toHaveLength(0);
    expect(result.dropped[0]!.reason).toContain('at least 3');
  });
});
