import { expect, test } from 'vitest';
import type { TestModule } from 'vitest/node';
import { summarise, summaryLine } from '../summary-reporter';

const fakeTest = (fullName: string, state: string, retryCount: number) => ({
  fullName,
  result: () => ({ state }),
  diagnostic: () => ({ retryCount, flaky: state === 'passed' && retryCount > 0 }),
});
const fakeModule = (tests: ReturnType<typeof fakeTest>[]) =>
  ({ moduleId: 'tests/e2e/x.test.ts', state: () => 'passed', children: { size: tests.length, allTests: () => tests } }) as unknown as TestModule;

test('a test that passed only on a retry is listed as flaky in the summary line', () => {
  const summary = summarise([fakeModule([fakeTest('steady', 'passed', 0), fakeTest('wobbly', 'passed', 1), fakeTest('broken', 'failed', 1)])], []);
  expect(summary.flaky).toEqual(['tests/e2e/x.test.ts > wobbly (1 retry)', 'tests/e2e/x.test.ts > broken (1 retry)']);
  expect(summaryLine(summary)).toBe('tests: 2 passed, 1 failed, 0 skipped, 2 flaky');
});

test('no test project retries: a red test stays red', async () => {
  const config = (await import('../../vitest.config')).default as { test: { retry?: number; projects: { test: { name: string; retry?: number } }[] } };
  expect(config.test.retry ?? 0).toBe(0);
  for (const project of config.test.projects) expect([project.test.name, project.test.retry ?? 0]).toEqual([project.test.name, 0]);
});
