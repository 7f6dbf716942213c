import { describe, expect, it } from 'vitest';
import type { FidelityReport } from './report';
import { formatReport } from './table';

const report = (bigFive: FidelityReport['bigFive']): FidelityReport => ({
  id: 'r', createdAt: 0, updatedAt: 0, status: 'done', progress: { done: 0, total: 0 },
  split: { share: 0, writings: { train: 0, heldOut: 0 }, reactions: { train: 0, heldOut: 0 } },
  tasks: [], predictions: {}, ...(bigFive ? { bigFive } : {}),
});

describe('the Big Five line of the report', () => {
  it('gives the spread over repeated runs', () => {
    expect(formatReport(report([{ trait: 'E', score: 3.1, sd: 0.2, runs: 5 }]))).toContain('E 3.10 ± 0.20 (5 runs)');
  });

  it('claims no stability from a single run (a small model answers the IPIP-50 once)', () => {
    const line = formatReport(report([{ trait: 'E', score: 3.1, sd: 0, runs: 1 }]));
    expect(line).toContain('E 3.10 (1 run, no spread)');
    expect(line).not.toContain('±');
  });
});
