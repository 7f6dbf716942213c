import { describe, expect, test } from 'vitest';
import { CPU_THREADS_DEFAULT, cpuThreads } from './cpu-threads';

describe('cpuThreads', () => {
  test('one thread without cross-origin isolation (no SharedArrayBuffer)', () => {
    expect(cpuThreads({ hardwareConcurrency: 8, crossOriginIsolated: false })).toBe(1);
  });
  test('the default, capped at the cores there are', () => {
    expect(cpuThreads({ hardwareConcurrency: 8, crossOriginIsolated: true })).toBe(CPU_THREADS_DEFAULT);
    expect(cpuThreads({ hardwareConcurrency: 8, crossOriginIsolated: true }, 2)).toBe(2);
    expect(cpuThreads({ hardwareConcurrency: 1, crossOriginIsolated: true })).toBe(1);
    expect(cpuThreads({ hardwareConcurrency: 0, crossOriginIsolated: true })).toBe(1);
  });
  test('an explicit request is honoured within the cores', () => {
    expect(cpuThreads({ hardwareConcurrency: 2, crossOriginIsolated: true }, 1)).toBe(1);
    expect(cpuThreads({ hardwareConcurrency: 2, crossOriginIsolated: true }, 4)).toBe(2);
  });
});
