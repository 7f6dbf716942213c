import { describe, expect, it } from 'vitest';
import { DoppelError } from '../result';
import type { LlmEngine } from '../engine/port';
import { scriptedEngine } from './fake-engine';
import { newRebuildState, runRebuild, type RebuildPorts, type RebuildState } from './rebuild';
import { syntheticRecords } from './synthetic-records';
import type { PersonaDoc } from './types';

const records = syntheticRecords(80, 3);
const memoryPorts = (engine: LlmEngine | null) => {
  const docs: PersonaDoc[] = [];
  const states: RebuildState[] = [];
  const ports: RebuildPorts = {
    records: async () => records,
    previous: async () => docs.at(-1),
    saveState: async (s) => void states.push(structuredClone(s)),
    saveDoc: async (d) => {
      const i = docs.findIndex((x) => x.id === d.id);
      if (i >= 0) docs[i] = d;
      else docs.push(d);
    },
    withEngine: async (work) => {
      if (!engine) throw new DoppelError('no_model', 'No model is installed yet.');
      return work(engine);
    },
    now: () => Date.UTC(2026, 10, 1),
  };
  return { docs, states, ports };
};
const persona = () => '{"text": "They bake and cycle."}';
const engine = () => scriptedEngine({ generate: (r) => (JSON.stringify(r.jsonSchema).includes('hallucination') ? '{"hallucination": 9, "coverage": 9, "conciseness": 9, "relevance": 9, "overall": 9}' : persona()), score: () => [1, 2, 3, 2, 1] });

describe('persona rebuild job', () => {
  it('without a model, stores the deterministic persona and finishes with a note', async () => {
    const { docs, ports } = memoryPorts(null);
    const state = await runRebuild(newRebuildState(1, 0), ports, new AbortController().signal);
    expect(state.status).toBe('done');
    expect(state.note).toContain('No model');
    expect(docs).toHaveLength(1);
    expect(docs[0]!.claims.length).toBeGreaterThan(0);
  });

  it('resumes after being killed mid-way and ends with one new version whose evidence resolves', async () => {
    const { docs, states, ports } = memoryPorts(engine());
    const controller = new AbortController();
    const killing: RebuildPorts = { ...ports, saveState: async (s) => { await ports.saveState(s); if (s.progress.done >= 40) controller.abort(); } };
    await expect(runRebuild(newRebuildState(1, 0), killing, controller.signal)).rejects.toThrow();
    const saved = structuredClone(states.at(-1)!);
    expect(saved.status).toBe('running');
    expect(saved.progress.done).toBeGreaterThanOrEqual(40);
    const done = await runRebuild(saved, ports, new AbortController().signal);
    expect(done.status).toBe('done');
    expect(docs.map((d) => d.version)).toEqual([1]);
    const ids = new Set(records.map((r) => r.record.id));
    const doc = docs[0]!;
    expect(doc.summary).toBe('They bake and cycle.');
    expect(doc.bigFive).toHaveLength(5);
    expect(doc.claims.some((c) => c.kind === 'persona')).toBe(true);
    for (const claim of doc.claims) expect(claim.evidence.length > 0 && claim.evidence.every((id) => ids.has(id))).toBe(true);
  });
});

describe('a record deleted during a rebuild', () => {
  it('is not cited by the committed persona, and is not counted in it', async () => {
    const live = [...records];
    const { docs, ports } = memoryPorts(engine());
    const first = await runRebuild(newRebuildState(1, 0), { ...ports, records: async () => [...live] }, new AbortController().signal);
    expect(first.status).toBe('done');
    const cited = docs[0]!.claims.flatMap((c) => c.evidence);
    const victim = cited[0]!;
    let deleted = false;
    const deleting: RebuildPorts = {
      ...ports,
      records: async () => [...live],
      saveState: async (s) => {
        await ports.saveState(s);
        // The user deletes the record while the LLM layer is half-way.
        if (!deleted && s.progress.done >= 20) {
          live.splice(live.findIndex((r) => r.record.id === victim), 1);
          deleted = true;
        }
      },
    };
    const done = await runRebuild(newRebuildState(2, 1), deleting, new AbortController().signal);
    expect([done.status, deleted]).toEqual(['done', true]);
    const doc = docs.at(-1)!;
    expect(doc.version).toBe(2);
    expect(doc.claims.flatMap((c) => c.evidence)).not.toContain(victim);
    expect(JSON.stringify(doc)).not.toContain(victim);
  });
});
