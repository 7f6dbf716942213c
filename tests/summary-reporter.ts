import type { Reporter, TestModule } from 'vitest/node';

export interface Summary {
  passed: number;
  failed: number;
  skipped: number;
  /** Tests that passed only after a retry: a red turned green by running again is a flaky test to fix. */
  flaky: string[];
}

export const summarise = (modules: ReadonlyArray<TestModule>, errors: ReadonlyArray<unknown>): Summary => {
  const summary: Summary = { passed: 0, failed: 0, skipped: 0, flaky: [] };
  for (const module of modules) {
    for (const test of module.children.allTests()) {
      const state = test.result().state;
      if (state === 'passed') summary.passed++;
      else if (state === 'failed') summary.failed++;
      else summary.skipped++;
      const diagnostic = test.diagnostic();
      if (diagnostic && (diagnostic.flaky || diagnostic.retryCount > 0)) summary.flaky.push(`${module.moduleId} > ${test.fullName} (${diagnostic.retryCount} ${diagnostic.retryCount === 1 ? 'retry' : 'retries'})`);
    }
    if (module.state() === 'failed' && module.children.size === 0) summary.failed++;
  }
  summary.failed += errors.length;
  return summary;
};

export const summaryLine = (s: Summary): string => `tests: ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped, ${s.flaky.length} flaky`;

/** Prints the plain closing line CI reads: "tests: N passed, N failed, N skipped, N flaky", each flaky test named above it. */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, errors: ReadonlyArray<unknown>): void {
    const summary = summarise(modules, errors);
    for (const name of summary.flaky) console.log(`flaky: ${name}`);
    console.log(`\n${summaryLine(summary)}`);
  }
}
