import { describe, expect, it } from 'vitest';
import { administerIpip50, emptyIpipProgress, shuffledOrder } from './big-five';
import { scriptedEngine } from './fake-engine';
import { IPIP50_ITEMS, IPIP50_KEYS } from './ipip50';

const itemOf = (content: string) => IPIP50_ITEMS.findIndex((item) => content.includes(`"${item}"`)) + 1;
const signal = new AbortController().signal;

describe('IPIP-50 administration', () => {
  it('asks one item per prompt, 5 runs of 50 in different shuffled orders, over options 1..5', async () => {
    const engine = scriptedEngine({ score: () => [0, 0, 1, 0, 0] });
    const traits = await administerIpip50(engine, 'Likes quiet evenings.', { evidenceCount: 7, signal });
    expect(engine.calls.score).toHaveLength(250);
    expect(engine.calls.score.every((r) => r.options.join() === '1,2,3,4,5')).toBe(true);
    const firstRun = engine.calls.score.slice(0, 50).map((r) => itemOf(r.messages[1]!.content));
    expect(new Set(firstRun).size).toBe(50);
    expect(firstRun).not.toEqual(engine.calls.score.slice(50, 100).map((r) => itemOf(r.messages[1]!.content)));
    expect(traits.map((t) => [t.trait, t.score, t.sd, t.runs, t.evidenceCount])).toEqual([
      ['E', 3, 0, 5, 7], ['A', 3, 0, 5, 7], ['C', 3, 0, 5, 7], ['N', 3, 0, 5, 7], ['O', 3, 0, 5, 7],
    ]);
  });

  it('an engine that agrees with extraverted statements scores high E, through the reverse keys', async () => {
    const engine = scriptedEngine({
      score: (r) => {
        const item = itemOf(r.messages[1]!.content);
        if (IPIP50_KEYS.E.plus.includes(item)) return [0, 0, 0, 0, 1];
        if (IPIP50_KEYS.E.minus.includes(item)) return [1, 0, 0, 0, 0];
        return [0, 0, 1, 0, 0];
      },
    });
    const traits = await administerIpip50(engine, 'Loves parties.', { evidenceCount: 3, signal });
    expect(traits.find((t) => t.trait === 'E')!.score).toBe(5);
    expect(traits.find((t) => t.trait === 'A')!.score).toBe(3);
  });

  it('reports the SD between runs and resumes from a checkpoint without re-asking', async () => {
    let call = 0;
    // Run r answers every item with r+1 (expected value of a one-hot), so E per run = 3 for all.
    const engine = scriptedEngine({ score: () => { const run = Math.floor(call++ / 50); return [0, 1, 2, 3, 4].map((k) => (k === (run % 2 === 0 ? 0 : 4) ? 1 : 0)); } });
    const progress = emptyIpipProgress();
    const controller = new AbortController();
    let answered = 0;
    await expect(
      administerIpip50(engine, 'x', { progress, evidenceCount: 3, signal: controller.signal, onAnswer: () => { if (++answered === 60) controller.abort(); } }),
    ).rejects.toThrow();
    expect(progress.flat().filter((a) => a !== null)).toHaveLength(60);
    const traits = await administerIpip50(engine, 'x', { progress, evidenceCount: 3, signal });
    expect(engine.calls.score).toHaveLength(250);
    // Runs alternate all-1 and all-5 answers: O = (7·1 + 3·5)/10 = 2.2 or (7·5 + 3·1)/10 = 3.8.
    const o = traits.find((t) => t.trait === 'O')!;
    expect(o.score).toBeCloseTo((2.2 * 3 + 3.8 * 2) / 5, 10);
    expect(o.sd).toBeGreaterThan(0.8);
  });

  it('shuffles deterministically per run', () => {
    expect(shuffledOrder(2)).toEqual(shuffledOrder(2));
    expect([...shuffledOrder(0)].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });
});
