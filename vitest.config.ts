import { defineConfig } from 'vitest/config';

const jsx = { jsx: { runtime: 'automatic', importSource: 'preact' } } as const;

const REAL = ['tests/e2e/real-tasks.test.ts', 'tests/e2e/real-persona.test.ts', 'tests/e2e/real-demo-start.test.ts', 'tests/e2e/real-interview-knows.test.ts'];

export default defineConfig({
  oxc: jsx,
  test: {
    reporters: ['default', './tests/summary-reporter.ts'],
    projects: [
      {
        oxc: jsx,
        test: { name: 'unit', include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts', 'tests/unit/**/*.test.ts'], environment: 'node',
          // A ceiling for a loaded machine, not a speed target: some tests bundle a CLI or scrub a megabyte.
          testTimeout: 30_000 },
      },
      {
        oxc: jsx,
        test: {
          name: 'e2e',
          // The SmolLM2 suites are in it too (CI fails when the model is missing); `npm run test:real` runs only them.
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          // One Chromium at a time: these machines have two cores.
          fileParallelism: false,
          // No retries: a test that passes only when run again is flaky and gets fixed, not retried
          // (the summary reporter names any test that needed a retry).
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        oxc: jsx,
        test: { name: 'real', include: REAL, environment: 'node', fileParallelism: false, testTimeout: 45 * 60_000, hookTimeout: 10 * 60_000 },
      },
      {
        oxc: jsx,
        // Benchmarks print numbers; they never assert on time. Run with `npm run bench`.
        test: { name: 'bench', include: ['bench/**/*.bench.ts'], environment: 'node', fileParallelism: false, testTimeout: 600_000, hookTimeout: 120_000 },
      },
    ],
  },
});
