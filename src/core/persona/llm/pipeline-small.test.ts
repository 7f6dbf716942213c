import { describe, expect, it } from 'vitest';
import type { GenerateRequest } from '../../engine/port';
import type { PersonaRecord } from '../accumulator';
import { scriptedEngine } from '../fake-engine';
import { emptyCheckpoint, runLlmLayer, stepsDone, totalSteps, type LlmCheckpoint } from './pipeline';

const day = 86_400_000;
const writing = (id: string, text: string, at: number): PersonaRecord => ({ type: 'writing', record: { id, url: `https://forum.example/${id}`, site: 'forum.example', text, source: 'form', createdAt: at } });
const records: PersonaRecord[] = [
  writing('w1', 'My oven broke again in the middle of a bake and I lost the whole sourdough batch. Really annoying, I will fix it this weekend.', 10 * day),
  writing('w2', 'I think public libraries deserve far more funding; I borrow three books a week and the staff there are wonderful people.', 11 * day),
  writing('w3', 'Ran my first trail half marathon today with my sister. Legs are dead but I am happy and already planning the next one.', 12 * day),
  writing('w4', 'Honestly the new bus timetable is a mess: the 7:40 is gone and nobody at the depot could tell me why it was cut.', 13 * day),
];
// The record each request asks about (the last user turn quotes it).
const about = (r: GenerateRequest) => r.messages.at(-1)!.content;

// What a small model does: sometimes a faithful paraphrase, sometimes an invention, sometimes a ramble.
const answers = (r: GenerateRequest): string => {
  const asked = about(r);
  if (asked.includes('oven broke')) return 'The user lost a whole sourdough batch when the oven broke in the middle of a bake.\nThe user wrote: more';
  if (asked.includes('libraries')) return 'The user thinks public libraries deserve more funding and borrows three books a week.';
  if (asked.includes('marathon')) return 'The user ran a first trail half marathon and is already planning the next one.';
  return 'The user is a famous bus driver who loves his job.';
};

const small = { small: true, signal: new AbortController().signal };

describe('LLM layer on a small model: one writing per prompt, kept when it stays in the record’s words', () => {
  it('keeps faithful sentences as experience claims citing their one record, drops the rest, and needs no judge', async () => {
    const engine = scriptedEngine({ generate: answers, score: () => [0, 1, 2, 1, 0] });
    const result = await runLlmLayer(engine, records, { ...small, save: () => {} });
    expect(result.claims.map((c) => c.evidence)).toEqual([['w3'], ['w2'], ['w1']]);
    for (const claim of result.claims) {
      expect(claim.kind).toBe('experience');
      expect(claim.confidence).toBeGreaterThanOrEqual(0.8);
      expect(claim.text).toMatch(/^The user /);
      expect(claim.text).not.toContain('\n');
    }
    expect(result.dropped).toEqual([expect.objectContaining({ kind: 'experience', reason: expect.stringContaining('famous bus driver') })]);
    // One greedy description per writing, a sampled second try for the one that strayed; no
    // self-judge (the small model's judgment is not evidence), no JSON synthesis.
    expect(engine.calls.generate.map((r) => r.temperature)).toEqual([0, 0.3, 0, 0, 0]);
    expect(engine.calls.generate.every((r) => r.jsonSchema === undefined && r.seed !== undefined)).toBe(true);
    // The IPIP-50 once: its answers are deterministic, so repeats would only cost time.
    expect(engine.calls.score).toHaveLength(50);
    expect(result.bigFive).toHaveLength(5);
    expect(result.bigFive![0]).toMatchObject({ runs: 1, evidenceCount: 3 });
    expect(engine.calls.score[0]!.messages[0]!.content).toContain('sourdough batch');
  });

  it('with fewer than 3 records behind its claims, Big Five stays unknown', async () => {
    const engine = scriptedEngine({ generate: (r) => (about(r).includes('libraries') ? answers(r) : 'Once upon a time.') });
    const result = await runLlmLayer(engine, records, { ...small, save: () => {} });
    expect(result.claims).toHaveLength(1);
    expect(result.bigFive).toEqual([]);
    expect(engine.calls.score).toHaveLength(0);
  });

  it('resumes after the record it stopped at, and counts its steps against the small total', async () => {
    const engine = scriptedEngine({ generate: answers });
    const controller = new AbortController();
    let saved: LlmCheckpoint = emptyCheckpoint();
    await expect(
      runLlmLayer(engine, records, { small: true, signal: controller.signal, save: (c) => { saved = structuredClone(c); if (c.done.length === 2) controller.abort(); } }),
    ).rejects.toThrow();
    // The newest writing (asked twice: its answer strays) and the next one.
    expect(engine.calls.generate).toHaveLength(3);
    const result = await runLlmLayer(engine, records, { ...small, checkpoint: saved, save: () => {} });
    expect(engine.calls.generate).toHaveLength(5);
    expect(result.claims).toHaveLength(3);
    expect(stepsDone(result)).toBe(4 + 50);
    expect(stepsDone(result)).toBeLessThanOrEqual(totalSteps(true));
  });
});
